package io.docchat.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A file submitted to a folder.
 *
 * @param contentHash SHA-256 of the file's bytes, lowercase hex
 * @param fileKey     the key of the original bytes in the {@code FileStore}
 * @param pageCount   pages after parsing, 0 before
 * @param errorMessage why parsing failed (a sentence for a person), or null
 * @param warnings    non-fatal findings of the parser (e.g. a page without a text layer)
 */
public record Document(
        long id,
        String accountId,
        String folderId,
        String fileName,
        String contentHash,
        long sizeBytes,
        String fileKey,
        DocumentStatus status,
        int pageCount,
        String errorMessage,
        List<String> warnings,
        Instant createdAt,
        Instant updatedAt) {
    public Document {
        warnings = List.copyOf(warnings);
    }
}
