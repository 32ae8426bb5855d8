package io.docchat.core.port;

import java.util.Set;

/**
 * A passage search within one account.
 *
 * @param folderIds   restrict to passages in any of these folders or their subfolders at any depth; empty = no restriction
 * @param documentIds restrict to these documents; empty = no restriction
 * @param limit       the number of hits wanted, at least 1
 */
public record SearchRequest(String accountId, String text, Set<String> folderIds, Set<Long> documentIds, int limit) {
    public SearchRequest {
        folderIds = Set.copyOf(folderIds);
        documentIds = Set.copyOf(documentIds);
    }
}
