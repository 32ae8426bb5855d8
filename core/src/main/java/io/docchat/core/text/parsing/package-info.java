/** Parsing of plain text, Markdown and CSV into pages of text blocks (the parser that core itself provides). */
package io.docchat.core.text.parsing;
