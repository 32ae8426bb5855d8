package io.docchat.core.model;

import java.time.Instant;

/**
 * A chat session. Its scope is the folder {@code folderId} with all its subfolders.
 *
 * @param userId the end user the session belongs to within the account (free text; defaults to the account id)
 */
public record Session(
        String id, String accountId, String userId, String folderId, String name, Instant createdAt, Instant updatedAt) {}
