package io.docchat.core.model;

/**
 * One text line that a passage covers, and where that line's text sits in the passage.
 *
 * @param pageNumber 1-based page of the line
 * @param lineNumber 1-based number of the line on its page, counting lines of all blocks in reading order
 * @param box        the line's box, or null for formats without geometry
 * @param start      offset in the passage text where this line's text starts (inclusive)
 * @param end        offset in the passage text where it ends (exclusive)
 */
public record PassageLine(int pageNumber, int lineNumber, Box box, int start, int end) {}
