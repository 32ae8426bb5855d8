package io.docchat.core.engine.index;

import io.docchat.core.engine.catalog.FolderTree;
import io.docchat.core.model.Document;
import io.docchat.core.model.Passage;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.KnowledgeChange;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.PassageIndex;
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

    public IndexSync(KnowledgeStore store, PassageIndex index) {
        this.store = store;
        this.index = index;
    }

    /** Applies every change the index has not seen yet; returns how many were applied. */
    synchronized int catchUp() {
        Map<String, FolderTree> foldersByAccount = new HashMap<>();
        Map<Long, String> documentNames = new HashMap<>();
        List<IndexedPassage> pending = new ArrayList<>(BATCH);
        long cursor = index.appliedSequence();
        int applied = 0;
        while (true) {
            List<KnowledgeChange> changes = store.changesSince(cursor, BATCH);
            if (changes.isEmpty()) {
                break;
            }
            for (KnowledgeChange change : changes) {
                if (change instanceof KnowledgeChange.PassageAdded added) {
                    pending.add(indexed(added.passage(), foldersByAccount, documentNames));
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
        return applied;
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
        if (store.lastSequence() > index.appliedSequence()) {
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
        index.clear();
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
        if (catchUp() > 0) {
            commit();
        }
    }

    private void flush(List<IndexedPassage> pending) {
        if (!pending.isEmpty()) {
            index.add(List.copyOf(pending));
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
