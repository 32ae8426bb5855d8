package io.docchat.core.memory;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.EmbeddingProgress;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Page;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Passage;
import io.docchat.core.port.PassageVector;
import io.docchat.core.port.StoredVector;
import io.docchat.core.model.ResultPage;
import io.docchat.core.port.KnowledgeChange;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.NewDocument;
import io.docchat.core.port.NewPassage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A {@link KnowledgeStore} held in memory: for tests and small embedded uses where nothing needs to survive the
 * process. Every method runs under one lock, which makes each write atomic and every read consistent.
 */
public final class InMemoryKnowledgeStore implements KnowledgeStore {

    private final Object lock = new Object();
    private final Clock clock;

    private final Map<String, Folder> folders = new LinkedHashMap<>();
    /** By id, which is also the order of insertion, so iteration is oldest first. */
    private final NavigableMap<Long, Document> documents = new TreeMap<>();
    /** Document ids by folder and content hash: looked up on every submission, so not a scan. */
    private final Map<FolderHash, Long> documentsByHash = new HashMap<>();
    private final Map<Long, List<Page>> pagesByDocument = new HashMap<>();
    private final Map<Long, List<Passage>> passagesByDocument = new HashMap<>();
    private final NavigableMap<Long, Passage> passages = new TreeMap<>();
    /**
     * The change log. Passages leave it when their document is deleted or re-completed, which is what
     * {@link #changesSince} promises: a reader never sees a passage that no longer exists.
     */
    private final NavigableMap<Long, KnowledgeChange> changes = new TreeMap<>();

    private record FolderHash(String folderId, String contentHash) {}

    /** Vectors by passage id; a passage's entry goes with the passage. */
    private final Map<Long, StoredVector> vectorsByPassage = new HashMap<>();
    /** The vector log: the latest write of each passage's vector, by vector sequence. */
    private final NavigableMap<Long, StoredVector> vectorLog = new TreeMap<>();
    private long lastVectorSequence;

    private long lastDocumentId;
    private long lastSequence;

    /** A store whose documents take their update times from the system clock. */
    public InMemoryKnowledgeStore() {
        this(Clock.systemUTC());
    }

    /** A store whose documents take their update times from {@code clock}. */
    public InMemoryKnowledgeStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- folders

    @Override
    public void insertFolder(Folder folder) {
        Objects.requireNonNull(folder, "folder");
        synchronized (lock) {
            if (folders.containsKey(folder.id())) {
                throw new DocChatException(ErrorCode.CONFLICT, "folder " + folder.id() + " already exists");
            }
            if (folder.parentId() != null && !isFolderOf(folder.accountId(), folder.parentId())) {
                throw new IllegalArgumentException("parent folder " + folder.parentId() + " does not exist in account "
                        + folder.accountId());
            }
            folders.put(folder.id(), folder);
        }
    }

    @Override
    public Optional<Folder> findFolder(String accountId, String folderId) {
        synchronized (lock) {
            Folder folder = folders.get(folderId);
            return folder != null && folder.accountId().equals(accountId) ? Optional.of(folder) : Optional.empty();
        }
    }

    @Override
    public List<Folder> listFolders(String accountId) {
        synchronized (lock) {
            return folders.values().stream().filter(f -> f.accountId().equals(accountId)).toList();
        }
    }

    @Override
    public FolderDeletion deleteFolderIfEmpty(String accountId, String folderId) {
        synchronized (lock) {
            if (!isFolderOf(accountId, folderId)) {
                return FolderDeletion.NOT_FOUND;
            }
            boolean hasSubfolder = folders.values().stream().anyMatch(f -> folderId.equals(f.parentId()));
            boolean hasDocument = documents.values().stream().anyMatch(d -> d.folderId().equals(folderId));
            if (hasSubfolder || hasDocument) {
                return FolderDeletion.NOT_EMPTY;
            }
            folders.remove(folderId);
            return FolderDeletion.DELETED;
        }
    }

    @Override
    public Map<String, Integer> countDocumentsByFolder(String accountId) {
        synchronized (lock) {
            Map<String, Integer> counts = new HashMap<>();
            for (Document d : documents.values()) {
                if (d.accountId().equals(accountId)) {
                    counts.merge(d.folderId(), 1, Integer::sum);
                }
            }
            return counts;
        }
    }

    private boolean isFolderOf(String accountId, String folderId) {
        Folder folder = folders.get(folderId);
        return folder != null && folder.accountId().equals(accountId);
    }

    // ---- documents

    @Override
    public Document insertDocument(NewDocument document) {
        Objects.requireNonNull(document, "document");
        synchronized (lock) {
            if (!isFolderOf(document.accountId(), document.folderId())) {
                throw new IllegalArgumentException("folder " + document.folderId() + " does not exist in account "
                        + document.accountId());
            }
            Document inserted = new Document(++lastDocumentId, document.accountId(), document.folderId(),
                    document.fileName(), document.contentHash(), document.sizeBytes(), document.fileKey(),
                    DocumentStatus.PENDING, 0, null, List.of(), document.createdAt(), document.createdAt());
            documents.put(inserted.id(), inserted);
            // The first document with a hash in a folder is the one found, as a scan in id order would find it.
            documentsByHash.putIfAbsent(new FolderHash(inserted.folderId(), inserted.contentHash()), inserted.id());
            return inserted;
        }
    }

    @Override
    public Optional<Document> findDocument(String accountId, long documentId) {
        return findDocument(documentId).filter(d -> d.accountId().equals(accountId));
    }

    @Override
    public Optional<Document> findDocument(long documentId) {
        synchronized (lock) {
            return Optional.ofNullable(documents.get(documentId));
        }
    }

    @Override
    public Optional<Document> findDocumentByHash(String accountId, String folderId, String contentHash) {
        synchronized (lock) {
            Long id = documentsByHash.get(new FolderHash(folderId, contentHash));
            Document d = id == null ? null : documents.get(id);
            return d != null && d.accountId().equals(accountId) ? Optional.of(d) : Optional.empty();
        }
    }

    @Override
    public ResultPage<Document> listDocuments(String accountId, String folderId, PageRequest page) {
        synchronized (lock) {
            List<Document> matching = documents.values().stream()
                    .filter(d -> d.accountId().equals(accountId) && (folderId == null || d.folderId().equals(folderId)))
                    .toList();
            return MemoryPaging.page(matching, page);
        }
    }

    @Override
    public Set<String> referencedFileKeys(Collection<String> fileKeys) {
        Set<String> wanted = Set.copyOf(fileKeys);
        synchronized (lock) {
            return documents.values().stream().map(Document::fileKey).filter(wanted::contains)
                    .collect(Collectors.toSet());
        }
    }

    @Override
    public List<Document> findDocumentsByStatus(Set<DocumentStatus> statuses) {
        synchronized (lock) {
            return documents.values().stream().filter(d -> statuses.contains(d.status())).toList();
        }
    }

    @Override
    public boolean updateStatus(long documentId, DocumentStatus status, String errorMessage) {
        Objects.requireNonNull(status, "status");
        if (status == DocumentStatus.PARSING_COMPLETED) {
            throw new IllegalArgumentException("a document reaches PARSING_COMPLETED only through completeDocument");
        }
        synchronized (lock) {
            Document d = documents.get(documentId);
            if (d == null) {
                return false;
            }
            documents.put(documentId, new Document(d.id(), d.accountId(), d.folderId(), d.fileName(), d.contentHash(),
                    d.sizeBytes(), d.fileKey(), status, d.pageCount(), errorMessage, d.warnings(), d.createdAt(),
                    clock.instant()));
            return true;
        }
    }

    @Override
    public boolean completeDocument(long documentId, List<Page> pages, List<NewPassage> newPassages,
            List<String> warnings) {
        // Copy before taking the lock: the records' lists are immutable already, so this is cheap and keeps the
        // caller's later changes to its own lists out of the store.
        List<Page> pageCopy = List.copyOf(pages);
        List<NewPassage> passageCopy = List.copyOf(newPassages);
        List<String> warningCopy = List.copyOf(warnings);
        synchronized (lock) {
            Document d = documents.get(documentId);
            if (d == null) {
                return false;
            }
            removeContent(documentId);
            List<Passage> stored = new ArrayList<>(passageCopy.size());
            for (NewPassage p : passageCopy) {
                Passage passage = new Passage(++lastSequence, documentId, d.accountId(), d.folderId(), p.ordinal(),
                        p.text(), p.headingPath(), p.lines(), p.pages());
                stored.add(passage);
                passages.put(passage.id(), passage);
                changes.put(passage.id(), new KnowledgeChange.PassageAdded(passage));
            }
            passagesByDocument.put(documentId, List.copyOf(stored));
            pagesByDocument.put(documentId, pageCopy);
            documents.put(documentId, new Document(d.id(), d.accountId(), d.folderId(), d.fileName(), d.contentHash(),
                    d.sizeBytes(), d.fileKey(), DocumentStatus.PARSING_COMPLETED, pageCopy.size(), null, warningCopy,
                    d.createdAt(), clock.instant()));
            return true;
        }
    }

    @Override
    public Optional<Document> deleteDocument(String accountId, long documentId) {
        synchronized (lock) {
            Document d = documents.get(documentId);
            if (d == null || !d.accountId().equals(accountId)) {
                return Optional.empty();
            }
            documents.remove(documentId);
            forgetHash(d);
            removeContent(documentId);
            long sequence = ++lastSequence;
            changes.put(sequence, new KnowledgeChange.DocumentRemoved(sequence, documentId));
            return Optional.of(d);
        }
    }

    /** Points the folder's hash entry at another document with the same bytes, if one is left. */
    private void forgetHash(Document deleted) {
        FolderHash key = new FolderHash(deleted.folderId(), deleted.contentHash());
        if (!Long.valueOf(deleted.id()).equals(documentsByHash.get(key))) {
            return;
        }
        documentsByHash.remove(key);
        for (Document d : documents.values()) {
            if (d.folderId().equals(deleted.folderId()) && d.contentHash().equals(deleted.contentHash())) {
                documentsByHash.put(key, d.id());
                return;
            }
        }
    }

    /** Drops a document's pages and passages, and the passages' entries in the change log. */
    private void removeContent(long documentId) {
        pagesByDocument.remove(documentId);
        List<Passage> old = passagesByDocument.remove(documentId);
        if (old != null) {
            for (Passage p : old) {
                passages.remove(p.id());
                changes.remove(p.id());
                StoredVector vector = vectorsByPassage.remove(p.id());
                if (vector != null) {
                    vectorLog.remove(vector.sequence());
                }
            }
        }
    }

    // ---- content

    @Override
    public List<Page> pages(long documentId) {
        synchronized (lock) {
            return pagesByDocument.getOrDefault(documentId, List.of());
        }
    }

    @Override
    public List<Passage> passages(Collection<Long> passageIds) {
        TreeSet<Long> wanted = new TreeSet<>(passageIds);
        synchronized (lock) {
            List<Passage> found = new ArrayList<>(wanted.size());
            for (Long id : wanted) {
                Passage p = passages.get(id);
                if (p != null) {
                    found.add(p);
                }
            }
            return found;
        }
    }

    @Override
    public List<Passage> passagesOfDocument(long documentId) {
        synchronized (lock) {
            return passagesByDocument.getOrDefault(documentId, List.of());
        }
    }

    // ---- change log

    @Override
    public List<KnowledgeChange> changesSince(long afterSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        synchronized (lock) {
            List<KnowledgeChange> out = new ArrayList<>(Math.min(limit, 256));
            for (KnowledgeChange change : changes.tailMap(afterSequence, false).values()) {
                if (out.size() == limit) {
                    break;
                }
                out.add(change);
            }
            return out;
        }
    }

    @Override
    public long lastSequence() {
        synchronized (lock) {
            return lastSequence;
        }
    }

    // ---- vectors

    @Override
    public void storeVectors(String modelId, List<PassageVector> vectors) {
        Objects.requireNonNull(modelId, "modelId");
        List<PassageVector> copy = List.copyOf(vectors);
        synchronized (lock) {
            for (PassageVector v : copy) {
                if (!passages.containsKey(v.passageId())) {
                    continue;
                }
                StoredVector stored = new StoredVector(++lastVectorSequence, v.passageId(), modelId, v.embedding());
                StoredVector old = vectorsByPassage.put(v.passageId(), stored);
                if (old != null) {
                    vectorLog.remove(old.sequence());
                }
                vectorLog.put(stored.sequence(), stored);
            }
        }
    }

    @Override
    public List<Passage> passagesToEmbed(String modelId, long afterPassageId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        synchronized (lock) {
            List<Passage> out = new ArrayList<>(Math.min(limit, 256));
            for (Passage p : passages.tailMap(afterPassageId, false).values()) {
                if (out.size() == limit) {
                    break;
                }
                StoredVector vector = vectorsByPassage.get(p.id());
                if (vector == null || !vector.modelId().equals(modelId)) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    @Override
    public Map<Long, StoredVector> vectors(Collection<Long> passageIds) {
        synchronized (lock) {
            Map<Long, StoredVector> out = new HashMap<>();
            for (Long id : passageIds) {
                StoredVector vector = vectorsByPassage.get(id);
                if (vector != null) {
                    out.put(id, vector);
                }
            }
            return out;
        }
    }

    @Override
    public List<StoredVector> vectorsSince(long afterSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        synchronized (lock) {
            List<StoredVector> out = new ArrayList<>(Math.min(limit, 256));
            for (StoredVector vector : vectorLog.tailMap(afterSequence, false).values()) {
                if (out.size() == limit) {
                    break;
                }
                out.add(vector);
            }
            return out;
        }
    }

    @Override
    public long lastVectorSequence() {
        synchronized (lock) {
            return lastVectorSequence;
        }
    }

    @Override
    public EmbeddingProgress embeddingProgress(String modelId) {
        synchronized (lock) {
            return progress(modelId, passages.values());
        }
    }

    @Override
    public EmbeddingProgress embeddingProgress(String modelId, long documentId) {
        synchronized (lock) {
            return progress(modelId, passagesByDocument.getOrDefault(documentId, List.of()));
        }
    }

    private EmbeddingProgress progress(String modelId, Collection<Passage> counted) {
        long embedded = 0;
        for (Passage p : counted) {
            StoredVector vector = vectorsByPassage.get(p.id());
            if (vector != null && vector.modelId().equals(modelId)) {
                embedded++;
            }
        }
        return new EmbeddingProgress(counted.size(), embedded);
    }
}
