/** Rendering parsed pages for people to read (Markdown). Wire formats such as JSON belong to the adapters. */
package io.docchat.core.text.rendering;
