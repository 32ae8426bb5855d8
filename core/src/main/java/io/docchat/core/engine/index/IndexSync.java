package io.docchat.core.engine.index;

import io.docchat.core.engine.catalog.FolderTree;
import io.docchat.core.model.Document;
import io.docchat.core.model.Passage;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.KnowledgeChange;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.port.StoredVector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the passage index a replica of the knowledge store by replaying the store's change log in sequence order.
 * Because the index remembers the last sequence it applied, a crash between a store commit and an index commit is
 * repaired by the next {@link #catchUp()}, whichever process runs it.
 *
 * <p>Vectors follow the same way: the store's vector log is replayed after the change log, each passage replaced in
 * the index by a version carrying its vector; a passage (re)indexed from the change log takes the vector the store
 * holds for it already, so a rebuilt index recomputes no vector.
 *
 * <p>All index writes go through this class, one thread at a time, as the index requires.
 */
public final class IndexSync {
    private static final Logger log = LoggerFactory.getLogger(IndexSync.class);
    static final int BATCH = 512;
    /** Commits are expensive (an fsync for Lucene); during bulk ingestion one a second keeps durability close. */
    private static final long COMMIT_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final KnowledgeStore store;
    private final PassageIndex index;
    private long lastCommitNanos = System.nanoTime();
    private boolean uncommitted;
    private volatile Runnable passagesAdded = () -> { };

    public IndexSync(KnowledgeStore store, PassageIndex index) {
        this.store = store;
        this.index = index;
    }

    /**
     * Runs {@code listener} after each catch-up that added passages (the background embedder waits for them), on the
     * thread that caught up; it must return quickly.
     */
    public void onPassagesAdded(Runnable listener) {
        this.passagesAdded = listener;
    }

    /** Applies every change the index has not seen yet, then the vector log; returns how many changes were applied. */
    synchronized int catchUp() {
        Map<String, FolderTree> foldersByAccount = new HashMap<>();
        Map<Long, String> documentNames = new HashMap<>();
        List<IndexedPassage> pending = new ArrayList<>(BATCH);
        long cursor = index.appliedSequence();
        int applied = 0;
        boolean addedPassages = false;
        while (true) {
            List<KnowledgeChange> changes = store.changesSince(cursor, BATCH);
            if (changes.isEmpty()) {
                break;
            }
            for (KnowledgeChange change : changes) {
                if (change instanceof KnowledgeChange.PassageAdded added) {
                    pending.add(indexed(added.passage(), foldersByAccount, documentNames));
                    addedPassages = true;
                } else if (change instanceof KnowledgeChange.DocumentRemoved removed) {
                    // Order matters: a removal must not be overtaken by passages added before it.
                    flush(pending);
                    index.removeDocument(removed.documentId(), removed.sequence());
                    documentNames.remove(removed.documentId());
                }
                cursor = Math.max(cursor, change.sequence());
                applied++;
            }
            flush(pending);
            uncommitted = true;
            commitIfDue();
        }
        if (applied > 0) {
            log.debug("Applied {} changes to the passage index, now at sequence {}", applied, cursor);
        }
        catchUpVectors(foldersByAccount, documentNames);
        if (addedPassages) {
            passagesAdded.run();
        }
        return applied;
    }

    /** Replays the vector log from where the index left it: each passage is replaced by a version with its vector. */
    private void catchUpVectors(Map<String, FolderTree> foldersByAccount, Map<Long, String> documentNames) {
        long cursor = index.appliedVectorSequence();
        while (true) {
            List<StoredVector> vectors = store.vectorsSince(cursor, BATCH);
            if (vectors.isEmpty()) {
                return;
            }
            Map<Long, StoredVector> byPassage = new HashMap<>();
            for (StoredVector vector : vectors) {
                byPassage.put(vector.passageId(), vector);
                cursor = Math.max(cursor, vector.sequence());
            }
            List<IndexedPassage> replaced = new ArrayList<>(byPassage.size());
            // A passage the index has not seen yet gets its vector when the change log adds it.
            for (Passage passage : store.passages(byPassage.keySet())) {
                if (passage.id() <= index.appliedSequence()) {
                    replaced.add(indexed(passage, foldersByAccount, documentNames)
                            .withVector(byPassage.get(passage.id()).embedding()));
                }
            }
            index.addVectors(replaced, cursor);
            uncommitted = true;
            commitIfDue();
        }
    }

    /**
     * Catches up after a store write that has already succeeded: a failure here must not be reported as a failure of
     * that write, and loses nothing, because the next catch-up (or the next start) replays the same changes.
     */
    public void catchUpAfterWrite() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("The passage index could not catch up with the store; the next change or start retries", e);
        }
    }

    /**
     * Before a search: applies what the store has committed and the index not yet (waiting for a catch-up already
     * under way), so that a search sees every document the store reports complete. One read of the store's last
     * sequence when the index is current.
     */
    public void catchUpIfBehind() {
        if (store.lastSequence() > index.appliedSequence()
                || store.lastVectorSequence() > index.appliedVectorSequence()) {
            catchUpAfterWrite();
        }
    }

    /** Commits when changes are waiting and the last commit is about a second old. */
    synchronized void commitIfDue() {
        if (uncommitted && System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL_NANOS) {
            commit();
        }
    }

    public synchronized void commit() {
        index.commit();
        uncommitted = false;
        lastCommitNanos = System.nanoTime();
    }

    /** Empties the index and replays the whole change log into it. */
    public synchronized void rebuild() {
        // Every vector logged so far is either attached to its passage by the replay below or gone with it, so the
        // replay of the vector log can start after it.
        long vectorsBefore = store.lastVectorSequence();
        index.clear();
        index.addVectors(List.of(), vectorsBefore);
        int applied = catchUp();
        commit();
        log.info("Rebuilt the passage index from {} changes", applied);
    }

    /**
     * Makes the index agree with the store at start-up. An index ahead of the store belongs to another store (or the
     * store was restored from a backup), so it is rebuilt rather than trusted.
     */
    public synchronized void reconcile() {
        long storeSequence = store.lastSequence();
        long indexSequence = index.appliedSequence();
        if (indexSequence > storeSequence) {
            log.warn("The passage index is at sequence {} but the store only at {}; rebuilding the index",
                    indexSequence, storeSequence);
            rebuild();
            return;
        }
        catchUp();
        if (uncommitted) {
            commit();
        }
    }

    /** Adds the pending passages, each with the vector the store holds for it, if any. */
    private void flush(List<IndexedPassage> pending) {
        if (!pending.isEmpty()) {
            List<Long> ids = new ArrayList<>(pending.size());
            for (IndexedPassage passage : pending) {
                ids.add(passage.id());
            }
            Map<Long, StoredVector> vectors = store.vectors(ids);
            List<IndexedPassage> batch = new ArrayList<>(pending.size());
            for (IndexedPassage passage : pending) {
                StoredVector vector = vectors.get(passage.id());
                batch.add(vector == null ? passage : passage.withVector(vector.embedding()));
            }
            index.add(batch);
            pending.clear();
        }
    }

    private IndexedPassage indexed(
            Passage passage, Map<String, FolderTree> foldersByAccount, Map<Long, String> documentNames) {
        FolderTree folders = foldersByAccount.computeIfAbsent(
                passage.accountId(), account -> new FolderTree(store.listFolders(account)));
        String documentName = documentNames.computeIfAbsent(passage.documentId(),
                id -> store.findDocument(id).map(Document::fileName).orElse(""));
        return new IndexedPassage(passage.id(), passage.accountId(), passage.documentId(),
                folders.pathOf(passage.folderId()), title(documentName, passage.headingPath()), passage.text());
    }

    static String title(String documentName, List<String> headingPath) {
        if (headingPath.isEmpty()) {
            return documentName;
        }
        StringBuilder sb = new StringBuilder(documentName);
        for (String heading : headingPath) {
            if (sb.length() > 0) {
                sb.append(" / ");
            }
            sb.append(heading);
        }
        return sb.toString();
    }
}
