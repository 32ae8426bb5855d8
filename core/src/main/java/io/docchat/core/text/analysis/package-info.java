/** Analysis of text for search and matching: tokens, scripts and words, shared by core and the adapters. */
package io.docchat.core.text.analysis;
