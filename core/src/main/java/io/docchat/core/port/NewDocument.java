package io.docchat.core.port;

import java.time.Instant;

/** What a store needs to record a newly submitted document; it assigns the id and starts it as {@code PENDING}. */
public record NewDocument(
        String accountId,
        String folderId,
        String fileName,
        String contentHash,
        long sizeBytes,
        String fileKey,
        Instant createdAt) {}
