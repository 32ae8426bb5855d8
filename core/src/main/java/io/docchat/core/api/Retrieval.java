package io.docchat.core.api;

import io.docchat.core.model.EmbeddingProgress;
import java.time.Duration;
import java.util.List;

/** Passage search without answering. */
public interface Retrieval {

    /**
     * @throws io.docchat.core.DocChatException {@code MISSING_PARAMETER} for a blank query, {@code FOLDER_NOT_FOUND}
     *     or {@code DOCUMENT_NOT_FOUND} for ids not in the account, {@code INVALID_PARAMETER} for topK out of range
     */
    List<RetrievedPassage> search(String accountId, RetrievalRequest request);

    /**
     * How many of a document's passages have their vectors (they are searchable by meaning once they do; by words
     * as soon as the document is complete). Without an embedding model, none of them ever has.
     *
     * @throws io.docchat.core.DocChatException {@code DOCUMENT_NOT_FOUND} for a document not in the account
     */
    EmbeddingProgress embeddingProgress(String accountId, long documentId);

    /**
     * Waits until every passage stored so far has its vector; at once without an embedding model.
     *
     * @return false when the timeout passed first
     */
    boolean awaitEmbedded(Duration timeout) throws InterruptedException;
}
