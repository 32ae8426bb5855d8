package io.docchat.core.model;

import java.time.Instant;
import java.util.List;

/**
 * One question and its answer in a session.
 *
 * @param errorMessage why the answer failed, or null
 * @param folderId     the session's folder at the time of asking
 */
public record ChatItem(
        String id,
        String sessionId,
        String accountId,
        String question,
        String answer,
        ChatStatus status,
        String errorMessage,
        String folderId,
        String folderName,
        List<Citation> citations,
        Instant createdAt) {
    public ChatItem {
        citations = List.copyOf(citations);
    }

    /** The answer given when retrieval finds nothing relevant. */
    public static final String NO_RELATED_CONTENT = "No related content found.";
}
