package io.docchat.core.model;

import java.util.List;

/**
 * A page of a document and its text blocks in reading order.
 *
 * @param number   1-based page number
 * @param width    in page units as displayed (after rotation); 0 for formats without geometry
 * @param height   in page units as displayed; 0 for formats without geometry
 * @param rotation the page's rotation in degrees (0, 90, 180, 270)
 */
public record Page(int number, float width, float height, int rotation, List<TextBlock> blocks) {
    public Page {
        blocks = List.copyOf(blocks);
    }

    public boolean hasGeometry() {
        return width > 0 && height > 0;
    }
}
