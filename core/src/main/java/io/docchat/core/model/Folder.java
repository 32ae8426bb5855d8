package io.docchat.core.model;

import java.time.Instant;

/**
 * A folder of an account's knowledge base. {@code id} is 32 lowercase hex characters; {@code parentId} is null for a
 * top-level folder.
 */
public record Folder(String id, String accountId, String parentId, String name, Instant createdAt) {
    public boolean isTopLevel() {
        return parentId == null;
    }
}
