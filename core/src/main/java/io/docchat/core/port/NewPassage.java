package io.docchat.core.port;

import io.docchat.core.model.PassageLine;
import io.docchat.core.model.PassagePage;
import java.util.List;

/**
 * A passage cut from a parsed document, before a store gives it an id. It carries what a citation of it needs (the
 * lines' page text, the pages' size and rotation), so answering never reads the document's pages again.
 *
 * @param ordinal     0-based position of the passage in its document
 * @param headingPath the headings the passage sits under, outermost first
 * @param pages       the size and rotation of each page the lines are on, in page order
 */
public record NewPassage(int ordinal, String text, List<String> headingPath, List<PassageLine> lines,
                         List<PassagePage> pages) {
    public NewPassage {
        headingPath = List.copyOf(headingPath);
        lines = List.copyOf(lines);
        pages = List.copyOf(pages);
    }

    /** A passage without recorded page sizes. */
    public NewPassage(int ordinal, String text, List<String> headingPath, List<PassageLine> lines) {
        this(ordinal, text, headingPath, lines, List.of());
    }
}
