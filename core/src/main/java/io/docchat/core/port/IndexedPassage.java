package io.docchat.core.port;

import java.util.List;

/**
 * What the passage index keeps of a passage.
 *
 * @param folderPath the ids of the passage's folder and all its ancestors, top-level folder first: a search scoped to
 *                   any of them must find the passage
 * @param title      the document name and heading path, searchable and boostable
 * @param vector     the passage's embedding, or null while it has none (semantic search cannot find it then)
 */
public record IndexedPassage(
        long id, String accountId, long documentId, List<String> folderPath, String title, String text,
        Embedding vector) {
    public IndexedPassage {
        folderPath = List.copyOf(folderPath);
    }

    /** A passage without a vector yet. */
    public IndexedPassage(
            long id, String accountId, long documentId, List<String> folderPath, String title, String text) {
        this(id, accountId, documentId, folderPath, title, text, null);
    }

    /** This passage with a vector. */
    public IndexedPassage withVector(Embedding newVector) {
        return new IndexedPassage(id, accountId, documentId, folderPath, title, text, newVector);
    }
}
