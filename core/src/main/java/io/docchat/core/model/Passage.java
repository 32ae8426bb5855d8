package io.docchat.core.model;

import java.util.List;

/**
 * The unit of retrieval: a few whole sentences of one document, with the lines (and so pages and boxes) they cover.
 *
 * @param id a value of the store's change sequence: ids grow in the order passages were committed
 */
public record Passage(
        long id,
        long documentId,
        String accountId,
        String folderId,
        int ordinal,
        String text,
        List<String> headingPath,
        List<PassageLine> lines) {
    public Passage {
        headingPath = List.copyOf(headingPath);
        lines = List.copyOf(lines);
    }

    public int firstPage() {
        return lines.isEmpty() ? 1 : lines.get(0).pageNumber();
    }

    public int lastPage() {
        return lines.isEmpty() ? 1 : lines.get(lines.size() - 1).pageNumber();
    }
}
