package io.docchat.core.api;

import java.util.Set;

/**
 * A question in a session.
 *
 * @param documentIds restrict retrieval to these documents (which must lie in the session's scope); empty = the whole scope
 */
public record ChatRequest(String sessionId, String question, Set<Long> documentIds) {
    public ChatRequest {
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
    }

    public ChatRequest(String sessionId, String question) {
        this(sessionId, question, Set.of());
    }
}
