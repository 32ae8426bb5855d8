package io.docchat.core.api;

import java.util.Set;

/**
 * A direct passage search.
 *
 * @param folderIds   search these folders and their subfolders; empty = the whole account
 * @param documentIds only these documents; empty = no restriction
 * @param topK        how many passages, 1 to 100
 */
public record RetrievalRequest(String query, Set<String> folderIds, Set<Long> documentIds, int topK) {
    public RetrievalRequest {
        folderIds = folderIds == null ? Set.of() : Set.copyOf(folderIds);
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
    }
}
