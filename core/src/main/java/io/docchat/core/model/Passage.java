package io.docchat.core.model;

import java.util.List;
import java.util.Optional;

/**
 * The unit of retrieval: a few whole sentences of one document, with the lines (and so pages and boxes) they cover.
 *
 * @param id    a value of the store's change sequence: ids grow in the order passages were committed
 * @param pages the size and rotation of each page the lines are on, in page order (empty for passages stored
 *              before they were recorded)
 */
public record Passage(
        long id,
        long documentId,
        String accountId,
        String folderId,
        int ordinal,
        String text,
        List<String> headingPath,
        List<PassageLine> lines,
        List<PassagePage> pages) {
    public Passage {
        headingPath = List.copyOf(headingPath);
        lines = List.copyOf(lines);
        pages = List.copyOf(pages);
    }

    /** A passage whose pages' sizes were not recorded. */
    public Passage(long id, long documentId, String accountId, String folderId, int ordinal, String text,
                   List<String> headingPath, List<PassageLine> lines) {
        this(id, documentId, accountId, folderId, ordinal, text, headingPath, lines, List.of());
    }

    /** The recorded size and rotation of a page of this passage, if any. */
    public Optional<PassagePage> page(int number) {
        for (PassagePage page : pages) {
            if (page.number() == number) {
                return Optional.of(page);
            }
        }
        return Optional.empty();
    }

    public int firstPage() {
        return lines.isEmpty() ? 1 : lines.get(0).pageNumber();
    }

    public int lastPage() {
        return lines.isEmpty() ? 1 : lines.get(lines.size() - 1).pageNumber();
    }
}
