package io.docchat.core.port;

import java.util.List;

/**
 * What the passage index keeps of a passage.
 *
 * @param folderPath the ids of the passage's folder and all its ancestors, top-level folder first: a search scoped to
 *                   any of them must find the passage
 * @param title      the document name and heading path, searchable and boostable
 */
public record IndexedPassage(
        long id, String accountId, long documentId, List<String> folderPath, String title, String text) {
    public IndexedPassage {
        folderPath = List.copyOf(folderPath);
    }
}
