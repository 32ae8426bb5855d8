package io.docchat.core.engine.chat;

import io.docchat.core.DocChatException;
import io.docchat.core.api.Retrieval;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.engine.catalog.FolderService;
import io.docchat.core.engine.catalog.Validation;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.SearchRequest;
import java.util.List;

/** Passage search without answering. */
public final class RetrievalService implements Retrieval {
    static final int MAX_TOP_K = 100;

    private final KnowledgeStore store;
    private final FolderService folders;
    private final PassageRetriever retriever;

    public RetrievalService(KnowledgeStore store, FolderService folders, PassageRetriever retriever) {
        this.store = store;
        this.folders = folders;
        this.retriever = retriever;
    }

    @Override
    public List<RetrievedPassage> search(String accountId, RetrievalRequest request) {
        String account = Validation.account(accountId);
        if (request == null) {
            throw DocChatException.missing("query");
        }
        String query = Validation.required("query", request.query());
        if (request.topK() < 1 || request.topK() > MAX_TOP_K) {
            throw DocChatException.invalid("topK", "must be between 1 and " + MAX_TOP_K);
        }
        for (String folderId : request.folderIds()) {
            folders.requireFolder(account, folderId);
        }
        for (Long documentId : request.documentIds()) {
            if (store.findDocument(account, documentId).isEmpty()) {
                throw DocChatException.documentNotFound(documentId);
            }
        }
        return retriever.retrieve(
                new SearchRequest(account, query, request.folderIds(), request.documentIds(), request.topK()));
    }
}
