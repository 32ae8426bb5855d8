package io.docchat.documents;

import io.docchat.core.text.analysis.CjkScript;

/**
 * One glyph of a PDF page with two geometries: its bounding box on the displayed page (what boxes are made of) and
 * its box in the frame of its own writing direction, where the text runs left to right and lines stack downwards
 * (what the layout analysis works in, so rotated text is analysed like upright text).
 */
final class PdfGlyph {
    final String text;
    /** Order of appearance in the content stream among the page's glyphs. */
    final int sequence;
    /** An explicit space glyph came just before this one in the content stream. */
    final boolean spaceBefore;
    final boolean cjk;
    /** Writing direction on the displayed page: 0 right, 1 down, 2 left, 3 up. */
    final int direction;
    final float size;
    final float spaceWidth;
    final float baseline;
    final float frameLeft;
    final float frameRight;
    final float frameTop;
    final float frameBottom;
    final float left;
    final float top;
    final float right;
    final float bottom;

    PdfGlyph(String text, int sequence, boolean spaceBefore, int direction, float size, float spaceWidth,
             float baseline, float[] frame, float[] display) {
        this.text = text;
        this.sequence = sequence;
        this.spaceBefore = spaceBefore;
        this.cjk = text.length() > 0 && CjkScript.isCjk(text.codePointAt(0));
        this.direction = direction;
        this.size = size;
        this.spaceWidth = spaceWidth;
        this.baseline = baseline;
        this.frameLeft = frame[0];
        this.frameTop = frame[1];
        this.frameRight = frame[2];
        this.frameBottom = frame[3];
        this.left = display[0];
        this.top = display[1];
        this.right = display[2];
        this.bottom = display[3];
    }
}
