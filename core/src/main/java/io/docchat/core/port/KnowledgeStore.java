package io.docchat.core.port;

import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.EmbeddingProgress;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Page;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Passage;
import io.docchat.core.model.ResultPage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The knowledge base: folders, documents, their pages and passages. The source of truth, from which the passage index
 * can always be rebuilt. Implementations are safe for concurrent use; every method that writes is atomic.
 *
 * <p>Methods taking an {@code accountId} see only that account's data: another account's ids behave as absent.
 */
public interface KnowledgeStore {

    // ---- folders

    /** Records a folder; its parent (when not null) exists in the same account. */
    void insertFolder(Folder folder);

    Optional<Folder> findFolder(String accountId, String folderId);

    /** Every folder of the account, in no particular order. */
    List<Folder> listFolders(String accountId);

    /** Deletes a folder only if it has neither documents nor subfolders, checked in the same transaction. */
    FolderDeletion deleteFolderIfEmpty(String accountId, String folderId);

    enum FolderDeletion { DELETED, NOT_FOUND, NOT_EMPTY }

    /** The number of documents directly in each folder of the account that has any. */
    Map<String, Integer> countDocumentsByFolder(String accountId);

    // ---- documents

    /** Records a new document as {@code PENDING}, assigning its id (ids grow). */
    Document insertDocument(NewDocument document);

    Optional<Document> findDocument(String accountId, long documentId);

    /** Any account's document: for background work that already holds the id. */
    Optional<Document> findDocument(long documentId);

    /** The document of this folder whose file has this SHA-256 hash, if any. */
    Optional<Document> findDocumentByHash(String accountId, String folderId, String contentHash);

    /** Documents of the account, oldest first; only those directly in {@code folderId} unless it is null. */
    ResultPage<Document> listDocuments(String accountId, String folderId, PageRequest page);

    /** Those of these file keys that a document of any account refers to. */
    Set<String> referencedFileKeys(Collection<String> fileKeys);

    /** Documents of every account in any of these statuses, oldest first: what to resume after a restart. */
    List<Document> findDocumentsByStatus(Set<DocumentStatus> statuses);

    /**
     * Sets a document's status and error message (null clears it). Returns false if the document no longer exists.
     * Must not be used to reach {@code PARSING_COMPLETED}: see {@link #completeDocument}.
     */
    boolean updateStatus(long documentId, DocumentStatus status, String errorMessage);

    /**
     * In one transaction: stores the document's pages and passages, sets its page count and warnings and its status to
     * {@code PARSING_COMPLETED}. Passage ids are drawn from the change sequence in the order given. Replaces pages and
     * passages left by an earlier attempt. Returns false (and writes nothing) if the document no longer exists.
     */
    boolean completeDocument(long documentId, List<Page> pages, List<NewPassage> passages, List<String> warnings);

    /**
     * In one transaction: deletes the document with its pages and passages and appends a
     * {@link KnowledgeChange.DocumentRemoved} to the change log. Returns the deleted document (for its file key).
     */
    Optional<Document> deleteDocument(String accountId, long documentId);

    // ---- content

    /** The document's pages in order; empty if it has none or does not exist. */
    List<Page> pages(long documentId);

    /** The passages with these ids that still exist, in ascending id order. */
    List<Passage> passages(Collection<Long> passageIds);

    /**
     * The passages with these ids that still exist and belong to the account, each with its document, in ascending
     * id order: what retrieval needs of each hit, in one read. The default reads the passages, then each document;
     * stores that can join them override it.
     */
    default List<DocumentPassage> passagesWithDocuments(String accountId, Collection<Long> passageIds) {
        Map<Long, Optional<Document>> documents = new HashMap<>();
        List<DocumentPassage> out = new ArrayList<>(passageIds.size());
        for (Passage passage : passages(passageIds)) {
            if (!passage.accountId().equals(accountId)) {
                continue;
            }
            documents.computeIfAbsent(passage.documentId(), id -> findDocument(accountId, id))
                    .ifPresent(document -> out.add(new DocumentPassage(passage, document)));
        }
        return out;
    }

    /** The document's passages in order. */
    List<Passage> passagesOfDocument(long documentId);

    // ---- change log

    /**
     * Changes with a sequence greater than {@code afterSequence}, ascending, at most {@code limit}. Passages of
     * documents deleted since are not returned; their removal is.
     */
    List<KnowledgeChange> changesSince(long afterSequence, int limit);

    /** The highest sequence number given out so far, 0 when none. */
    long lastSequence();

    // ---- vectors

    /**
     * In one transaction: stores the vectors made by model {@code modelId}, each replacing its passage's earlier
     * vector, and appends them to the vector log in the order given. Vectors of passages that no longer exist are
     * skipped. A passage's vector is deleted with the passage.
     */
    void storeVectors(String modelId, List<PassageVector> vectors);

    /**
     * Passages with an id above {@code afterPassageId} and no vector from model {@code modelId} (none, or one from
     * another model), ascending, at most {@code limit}: what is left to embed.
     */
    List<Passage> passagesToEmbed(String modelId, long afterPassageId, int limit);

    /** The stored vectors of those of these passages that have one, whatever the model, by passage id. */
    Map<Long, StoredVector> vectors(Collection<Long> passageIds);

    /** Vectors stored with a vector-log sequence above {@code afterSequence}, ascending, at most {@code limit}. */
    List<StoredVector> vectorsSince(long afterSequence, int limit);

    /** The highest vector-log sequence given out so far, 0 when none. */
    long lastVectorSequence();

    /** How many passages there are, and how many of them have a vector from model {@code modelId}. */
    EmbeddingProgress embeddingProgress(String modelId);

    /** The same for one document's passages. */
    EmbeddingProgress embeddingProgress(String modelId, long documentId);
}
