package io.docchat.core.engine.index;

import io.docchat.core.engine.catalog.FolderTree;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the passage index a replica of the knowledge store by replaying the store's change log in sequence order.
 * Because the index remembers the last sequence it applied, a crash between a store commit and an index commit is
 * repaired at the next start, whichever process runs it.
 *
 * <p>After start-up the log is applied by one background thread ({@code docchat-index}) in batches of at most
 * {@value #BATCH} changes; the index's write lock is held for one batch at a time, so a rebuild or close never waits
 * long, and searches (which never take it) are not held by a large document at all.
 *
 * <p>"Completed means searchable" is kept without making readers wait: a document whose passages are in the store
 * but not yet all in the index is <em>pending</em>, and is {@linkplain #reported reported} as still {@code PARSING}
 * until the index has applied it. A search therefore needs nothing from the index that it could be waiting for; it
 * waits at most {@link #SEARCH_WAIT}, and only for pending documents of its own account, so that an account that just
 * uploaded something usually finds it a moment before its status says so.
 *
 * <p>Vectors follow the same way: the store's vector log is replayed by the same background thread after the change
 * log, each passage replaced in the index by a version carrying its vector; a passage (re)indexed from the change log
 * takes the vector the store holds for it already, so a rebuilt index recomputes no vector.
 */
public final class IndexSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IndexSync.class);
    /** The most changes applied under the write lock at once: bounds how long a rebuild or close waits. */
    static final int BATCH = 512;
    /** The longest a search waits for pending documents of its own account; it never waits for another's. */
    public static final Duration SEARCH_WAIT = Duration.ofMillis(100);
    /**
     * On a store shared with other engines, the longest a search waits for the changes they committed: enough for a
     * small document, so that one completed on another node is found here at once, and bounded however much is new.
     */
    public static final Duration SHARED_STORE_WAIT = Duration.ofMillis(500);
    /** Commits are expensive (an fsync for Lucene); during bulk ingestion one a second keeps durability close. */
    private static final long COMMIT_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    /** After a failure to apply, how long the background thread waits before it tries again. */
    private static final long RETRY_MILLIS = 1_000;
    /** The sequence of a pending document whose store transaction has not committed yet. */
    private static final long NOT_YET_STORED = Long.MAX_VALUE;

    private final KnowledgeStore store;
    private final PassageIndex index;
    /** Held while changes are written to the index: one batch at a time, or a whole rebuild. */
    private final Object writeLock = new Object();
    /** Guards the wake-up flag and the published progress; waiters wait on it. */
    private final Object progress = new Object();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private volatile boolean otherWriters;

    // Written under the write lock; read by the background thread to decide how long it may sleep.
    private volatile long lastCommitNanos = System.nanoTime();
    private volatile boolean uncommitted;
    private volatile Runnable passagesAdded = () -> { };
    // Guarded by progress.
    private boolean changed;
    private boolean closed;
    private long applied;
    private long appliedVectors;
    private long failures;
    private Thread applier;

    /** A document of {@code accountId} whose passages take the index up to {@code sequence}. */
    private record Pending(String accountId, long sequence) {}

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

    /** Starts the background thread that applies new changes; call once, after {@link #reconcile()}. */
    public void start() {
        synchronized (progress) {
            if (applier != null || closed) {
                throw new IllegalStateException("the index sync is already started or closed");
            }
            applied = index.appliedSequence();
            appliedVectors = index.appliedVectorSequence();
            applier = new Thread(this::applyInBackground, "docchat-index");
            applier.setDaemon(true);
            applier.start();
        }
    }

    /** Tells the background thread that the store has new changes; returns at once. */
    public void changed() {
        synchronized (progress) {
            changed = true;
            progress.notifyAll();
        }
    }

    /**
     * Marks a document as pending before its passages are stored, so that it is never reported complete before it is
     * searchable; follow with {@link #awaitSearchable} once stored, or {@link #abandon} if it was not.
     */
    public void beginCompletion(Document document) {
        pending.put(document.id(), new Pending(document.accountId(), NOT_YET_STORED));
    }

    /** Forgets a pending document whose passages were not stored after all. */
    public void abandon(long documentId) {
        pending.remove(documentId);
    }

    /**
     * After the store committed a document's passages: waits until the index has applied them, then reports the
     * document complete. Returns early, leaving the document reported as the store says, when applying fails (the
     * background thread keeps retrying) or the engine closes.
     */
    public void awaitSearchable(Document document) throws InterruptedException {
        long sequence = store.lastSequence();
        pending.put(document.id(), new Pending(document.accountId(), sequence));
        try {
            changed();
            synchronized (progress) {
                long failuresBefore = failures;
                while (applied < sequence && failures == failuresBefore && !closed) {
                    progress.wait();
                }
            }
        } finally {
            pending.remove(document.id());
        }
    }

    /**
     * After the store committed vectors: wakes the background thread and waits until the index carries every vector
     * logged so far, so that whoever stored them may rely on meaning search at once. Returns early when applying
     * fails (the background thread keeps retrying), the engine closes or the caller is interrupted.
     */
    public void awaitVectorsApplied() {
        long sequence = store.lastVectorSequence();
        changed();
        synchronized (progress) {
            long failuresBefore = failures;
            try {
                while (appliedVectors < sequence && failures == failuresBefore && !closed) {
                    progress.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The document as callers should see it: {@code PARSING} while the store has completed it but the index has not
     * applied it yet.
     */
    public Document reported(Document document) {
        if (document.status() != DocumentStatus.PARSING_COMPLETED || !pending.containsKey(document.id())) {
            return document;
        }
        return new Document(document.id(), document.accountId(), document.folderId(), document.fileName(),
                document.contentHash(), document.sizeBytes(), document.fileKey(), DocumentStatus.PARSING, 0, null,
                List.of(), document.createdAt(), document.updatedAt());
    }

    /**
     * Before a search of {@code accountId}: waits at most {@link #SEARCH_WAIT} for that account's pending documents.
     * Returns at once when the account has none, however much of other accounts' work is being applied. On a store
     * shared with other engines it then also waits, at most {@link #SHARED_STORE_WAIT}, for their commits.
     */
    public void awaitOwnChanges(String accountId) {
        long needed = 0;
        for (Pending p : pending.values()) {
            if (p.accountId().equals(accountId) && p.sequence() != NOT_YET_STORED) {
                needed = Math.max(needed, p.sequence());
            }
        }
        if (needed != 0) {
            awaitApplied(needed, SEARCH_WAIT);
        }
        if (otherWriters) {
            awaitOtherWriters();
        }
    }

    /** Tells this sync that other engines write to the store too (a shared store): see {@link #awaitOtherWriters}. */
    public void followOtherWriters() {
        otherWriters = true;
    }

    /**
     * Before a search on a store that other engines write too: their documents are pending nowhere here, so the
     * search wakes the background thread and waits at most {@link #SHARED_STORE_WAIT} for what the store has
     * committed. Returns at once when the index is current.
     */
    private void awaitOtherWriters() {
        long needed = store.lastSequence();
        synchronized (progress) {
            if (applied >= needed) {
                return;
            }
        }
        changed();
        awaitApplied(needed, SHARED_STORE_WAIT);
    }

    private void awaitApplied(long needed, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (progress) {
            long failuresBefore = failures;
            try {
                while (applied < needed && failures == failuresBefore && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void applyInBackground() {
        boolean retry = false;
        while (true) {
            synchronized (progress) {
                try {
                    long waitMillis = retry ? RETRY_MILLIS : uncommitted ? commitWaitMillis() : 0;
                    while (!changed && !closed) {
                        if (waitMillis == 0) {
                            progress.wait();
                        } else {
                            progress.wait(waitMillis);
                            break;
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                changed = false;
            }
            try {
                catchUp();
                commitIfDue();
                retry = false;
            } catch (RuntimeException e) {
                retry = true;
                log.warn("The passage index could not catch up with the store; retrying in {} ms", RETRY_MILLIS, e);
                synchronized (progress) {
                    failures++;
                    progress.notifyAll();
                }
            }
        }
    }

    private long commitWaitMillis() {
        long left = COMMIT_INTERVAL_NANOS - (System.nanoTime() - lastCommitNanos);
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(left));
    }

    /**
     * Applies every change the index has not seen yet, then the vector log, one batch under the write lock at a time;
     * returns how many changes were applied.
     */
    int catchUp() {
        int total = 0;
        boolean addedPassages = false;
        long started = System.nanoTime();
        // A close stops the work between batches; what is left is applied at the next start.
        while (!isClosed()) {
            BatchApplied appliedNow;
            synchronized (writeLock) {
                appliedNow = applyBatch();
            }
            if (appliedNow.changes() == 0) {
                break;
            }
            total += appliedNow.changes();
            addedPassages |= appliedNow.addedPassages();
            publish(index.appliedSequence(), index.appliedVectorSequence());
            // A long backlog still commits about once a second; a short one (a document of a few batches) is applied
            // whole first, so that its commit (a segment flush and an fsync) does not delay its becoming searchable.
            // The caller commits when the catch-up ends.
            if (System.nanoTime() - started >= COMMIT_INTERVAL_NANOS) {
                commitIfDue();
            }
        }
        if (total > 0) {
            log.debug("Applied {} changes to the passage index, now at sequence {}", total, index.appliedSequence());
        }
        catchUpVectors();
        if (addedPassages) {
            passagesAdded.run();
        }
        return total;
    }

    /** What one batch of the change log did to the index. */
    private record BatchApplied(int changes, boolean addedPassages) {}

    /** One batch from the change log into the index; the caller holds the write lock. */
    private BatchApplied applyBatch() {
        long cursor = index.appliedSequence();
        List<KnowledgeChange> changes = store.changesSince(cursor, BATCH);
        if (changes.isEmpty()) {
            return new BatchApplied(0, false);
        }
        Map<String, FolderTree> foldersByAccount = new HashMap<>();
        Map<Long, String> documentNames = new HashMap<>();
        List<IndexedPassage> batch = new ArrayList<>(changes.size());
        boolean addedPassages = false;
        for (KnowledgeChange change : changes) {
            if (change instanceof KnowledgeChange.PassageAdded added) {
                batch.add(indexed(added.passage(), foldersByAccount, documentNames));
                addedPassages = true;
            } else if (change instanceof KnowledgeChange.DocumentRemoved removed) {
                // Order matters: a removal must not be overtaken by passages added before it.
                flush(batch);
                index.removeDocument(removed.documentId(), removed.sequence());
                documentNames.remove(removed.documentId());
            }
        }
        flush(batch);
        uncommitted = true;
        return new BatchApplied(changes.size(), addedPassages);
    }

    /** Replays the vector log from where the index left it, one batch under the write lock at a time. */
    private void catchUpVectors() {
        while (!isClosed()) {
            boolean appliedNow;
            synchronized (writeLock) {
                appliedNow = applyVectorBatch();
            }
            if (!appliedNow) {
                return;
            }
            publish(index.appliedSequence(), index.appliedVectorSequence());
            commitIfDue();
        }
    }

    /**
     * One batch from the vector log: each passage is replaced by a version with its vector; false when the log had
     * nothing new. The caller holds the write lock.
     */
    private boolean applyVectorBatch() {
        long cursor = index.appliedVectorSequence();
        List<StoredVector> vectors = store.vectorsSince(cursor, BATCH);
        if (vectors.isEmpty()) {
            return false;
        }
        Map<Long, StoredVector> byPassage = new HashMap<>();
        for (StoredVector vector : vectors) {
            byPassage.put(vector.passageId(), vector);
            cursor = Math.max(cursor, vector.sequence());
        }
        Map<String, FolderTree> foldersByAccount = new HashMap<>();
        Map<Long, String> documentNames = new HashMap<>();
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
        return true;
    }

    private boolean isClosed() {
        synchronized (progress) {
            return closed;
        }
    }

    private void publish(long sequence, long vectorSequence) {
        synchronized (progress) {
            applied = Math.max(applied, sequence);
            appliedVectors = Math.max(appliedVectors, vectorSequence);
            progress.notifyAll();
        }
    }

    /** Commits when changes are waiting and the last commit is about a second old. */
    void commitIfDue() {
        synchronized (writeLock) {
            if (uncommitted && System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL_NANOS) {
                commit();
            }
        }
    }

    public void commit() {
        synchronized (writeLock) {
            index.commit();
            uncommitted = false;
            lastCommitNanos = System.nanoTime();
        }
    }

    /** Empties the index and replays the whole change log into it, holding the write lock throughout. */
    public void rebuild() {
        int total = 0;
        boolean addedPassages = false;
        synchronized (writeLock) {
            // Every vector logged so far is either attached to its passage by the replay below or gone with it, so
            // the replay of the vector log can start after it.
            long vectorsBefore = store.lastVectorSequence();
            index.clear();
            index.addVectors(List.of(), vectorsBefore);
            BatchApplied appliedNow;
            while ((appliedNow = applyBatch()).changes() > 0) {
                total += appliedNow.changes();
                addedPassages |= appliedNow.addedPassages();
            }
            while (applyVectorBatch()) {
                // Vectors logged while the change log was replayed.
            }
            commit();
        }
        publish(index.appliedSequence(), index.appliedVectorSequence());
        if (addedPassages) {
            passagesAdded.run();
        }
        log.info("Rebuilt the passage index from {} changes", total);
    }

    /**
     * Makes the index agree with the store at start-up, before anything is served. An index ahead of the store
     * belongs to another store (or the store was restored from a backup), so it is rebuilt rather than trusted.
     */
    public void reconcile() {
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

    /** Stops the background thread (after the batch it is applying) and wakes every waiter; does not commit. */
    @Override
    public void close() {
        Thread thread;
        synchronized (progress) {
            closed = true;
            progress.notifyAll();
            thread = applier;
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Adds the batch's passages, each with the vector the store holds for it, if any. */
    private void flush(List<IndexedPassage> batch) {
        if (!batch.isEmpty()) {
            List<Long> ids = new ArrayList<>(batch.size());
            for (IndexedPassage passage : batch) {
                ids.add(passage.id());
            }
            Map<Long, StoredVector> vectors = store.vectors(ids);
            List<IndexedPassage> withVectors = new ArrayList<>(batch.size());
            for (IndexedPassage passage : batch) {
                StoredVector vector = vectors.get(passage.id());
                withVectors.add(vector == null ? passage : passage.withVector(vector.embedding()));
            }
            index.add(withVectors);
            batch.clear();
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
