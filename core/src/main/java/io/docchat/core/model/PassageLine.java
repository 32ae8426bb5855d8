package io.docchat.core.model;

/**
 * One text line that a passage covers, and where that line's text sits in the passage.
 *
 * @param pageNumber 1-based page of the line
 * @param lineNumber 1-based number of the line on its page, counting lines of all blocks in reading order
 * @param box        the line's box, or null for formats without geometry
 * @param start      offset in the passage text where this line's text starts (inclusive)
 * @param end        offset in the passage text where it ends (exclusive)
 * @param text       the whole line as it stands on its page, recorded when the passage was cut so that a citation
 *                   needs no second look at the page; null for passages stored before it was recorded
 */
public record PassageLine(int pageNumber, int lineNumber, Box box, int start, int end, String text) {

    /** A line whose page text was not recorded. */
    public PassageLine(int pageNumber, int lineNumber, Box box, int start, int end) {
        this(pageNumber, lineNumber, box, start, end, null);
    }
}
