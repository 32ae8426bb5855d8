package io.docchat.core.api;

import java.util.List;

/** Passage search without answering. */
public interface Retrieval {

    /**
     * @throws io.docchat.core.DocChatException {@code MISSING_PARAMETER} for a blank query, {@code FOLDER_NOT_FOUND}
     *     or {@code DOCUMENT_NOT_FOUND} for ids not in the account, {@code INVALID_PARAMETER} for topK out of range
     */
    List<RetrievedPassage> search(String accountId, RetrievalRequest request);
}
