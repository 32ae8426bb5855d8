package io.docchat.documents;

import io.docchat.core.model.Box;

/**
 * A line of a PDF page in reading order, before blocks are formed.
 *
 * @param text            the line as printed, table cells separated by " | "
 * @param box             the line's box on the displayed page
 * @param size            the font size of most of its characters
 * @param tableRow        the line is a row of cells rather than running text
 * @param startsParagraph a visible gap, a new column or a new region precedes the line
 */
record PdfLine(String text, Box box, float size, boolean tableRow, boolean startsParagraph) {

    PdfLine withText(String newText) {
        return new PdfLine(newText, box, size, tableRow, startsParagraph);
    }
}
