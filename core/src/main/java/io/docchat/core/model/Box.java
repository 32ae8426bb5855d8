package io.docchat.core.model;

/**
 * An axis-aligned rectangle on a page, in page units (PDF points for PDFs) with the origin at the top-left corner of
 * the page as displayed (rotation already applied). A page image rendered at scale {@code s} pixels per unit shows the
 * box at {@code x*s, y*s}.
 */
public record Box(float x, float y, float width, float height) {
    public float right() {
        return x + width;
    }

    public float bottom() {
        return y + height;
    }
}
