package io.docchat.core.model;

/**
 * A cited text line.
 *
 * @param lineNumber 1-based number of the line on its page
 * @param box        the line's box in page units, or null for formats without geometry
 */
public record CitedLine(int lineNumber, Box box, String text) {}
