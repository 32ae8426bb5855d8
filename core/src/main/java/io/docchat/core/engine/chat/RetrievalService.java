package io.docchat.core.engine.chat;

import io.docchat.core.DocChatException;
import io.docchat.core.api.Retrieval;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.engine.catalog.FolderService;
import io.docchat.core.engine.catalog.Validation;
import io.docchat.core.embedding.BackgroundEmbedder;
import io.docchat.core.model.EmbeddingProgress;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.SearchRequest;
import java.time.Duration;
import java.util.List;

/** Passage search without answering. */
public final class RetrievalService implements Retrieval {
    static final int MAX_TOP_K = 100;

    private final KnowledgeStore store;
    private final FolderService folders;
    private final PassageRetriever retriever;
    private final BackgroundEmbedder embedder;

    /** Search without an embedding model. */
    public RetrievalService(KnowledgeStore store, FolderService folders, PassageRetriever retriever) {
        this(store, folders, retriever, null);
    }

    /**
     * @param embedder the background embedder, or null without an embedding model
     */
    public RetrievalService(KnowledgeStore store, FolderService folders, PassageRetriever retriever,
            BackgroundEmbedder embedder) {
        this.store = store;
        this.folders = folders;
        this.retriever = retriever;
        this.embedder = embedder;
    }

    @Override
    public EmbeddingProgress embeddingProgress(String accountId, long documentId) {
        String account = Validation.account(accountId);
        if (store.findDocument(account, documentId).isEmpty()) {
            throw DocChatException.documentNotFound(documentId);
        }
        if (embedder == null) {
            return new EmbeddingProgress(store.passagesOfDocument(documentId).size(), 0);
        }
        return embedder.progress(documentId);
    }

    @Override
    public boolean awaitEmbedded(Duration timeout) throws InterruptedException {
        return embedder == null || embedder.awaitIdle(timeout);
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
