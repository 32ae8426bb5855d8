package io.docchat.core.port;

import io.docchat.core.model.PassageLine;
import java.util.List;

/**
 * A passage cut from a parsed document, before a store gives it an id.
 *
 * @param ordinal     0-based position of the passage in its document
 * @param headingPath the headings the passage sits under, outermost first
 */
public record NewPassage(int ordinal, String text, List<String> headingPath, List<PassageLine> lines) {
    public NewPassage {
        headingPath = List.copyOf(headingPath);
        lines = List.copyOf(lines);
    }
}
