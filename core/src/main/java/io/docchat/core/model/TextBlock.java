package io.docchat.core.model;

import java.util.List;

/**
 * A block of text in reading order: a heading, a paragraph, a list item or a table row.
 *
 * @param level the heading level (1 = top) for {@link BlockType#HEADING}, otherwise 0
 */
public record TextBlock(BlockType type, int level, List<TextLine> lines) {
    public TextBlock {
        lines = List.copyOf(lines);
    }

    /** The block's text, lines joined by a newline. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (TextLine line : lines) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.text());
        }
        return sb.toString();
    }
}
