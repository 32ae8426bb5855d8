package io.docchat.core.embedding;

import io.docchat.core.port.Embedding;
import io.docchat.core.model.EmbeddingProgress;
import io.docchat.core.model.Passage;
import io.docchat.core.port.PassageVector;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.PassageEmbedder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds passages in the background, after they are searchable by their words: one daemon thread walks the store's
 * passages that have no vector from the current model, in id order and in batches, and stores each batch's vectors
 * in one transaction before the index is told.
 *
 * <p>The store is the only record of progress, so a crash loses at most the batch being embedded and repeats no
 * finished one, and a change of model is noticed at the next start (its passages have vectors of another model) and
 * re-embedded the same way. A failing model is retried with a growing pause; the passages wait, searchable by
 * words.
 */
public final class BackgroundEmbedder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackgroundEmbedder.class);
    /** Passages embedded per stored transaction: a crash repeats at most this many. */
    static final int BATCH = 16;
    private static final Duration IDLE_RECHECK = Duration.ofSeconds(30);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(2);

    private final KnowledgeStore store;
    private final PassageEmbedder embedder;
    private final Runnable vectorsStored;
    private final String modelId;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    /** Work may be waiting: set by {@link #wake()}, cleared when a pass begins. */
    private boolean pending = true;
    /** No pass is running and none is pending. */
    private boolean idle;
    private volatile boolean closed;

    /**
     * @param vectorsStored called after each stored batch, to bring the index up to date with the store
     */
    public BackgroundEmbedder(KnowledgeStore store, PassageEmbedder embedder, Runnable vectorsStored) {
        this.store = store;
        this.embedder = embedder;
        this.vectorsStored = vectorsStored;
        this.modelId = embedder.modelId();
        this.thread = new Thread(this::run, "docchat-embed");
        thread.setDaemon(true);
    }

    /** Starts the thread; it first embeds whatever an earlier run or another model left without a vector. */
    public void start() {
        EmbeddingProgress progress = store.embeddingProgress(modelId);
        if (!progress.complete()) {
            log.info("{} of {} passages have no vector from embedding model {} (new passages, an interrupted run "
                    + "or a change of model): embedding them in the background", progress.passages()
                    - progress.embedded(), progress.passages(), modelId);
        }
        thread.start();
    }

    /** Says that new passages may be waiting (a document was completed). */
    public void wake() {
        lock.lock();
        try {
            pending = true;
            idle = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The model whose vectors this embedder stores. */
    public String modelId() {
        return modelId;
    }

    /** How many of the store's passages have a vector from the current model. */
    public EmbeddingProgress progress() {
        return store.embeddingProgress(modelId);
    }

    /** How many of one document's passages have a vector from the current model. */
    public EmbeddingProgress progress(long documentId) {
        return store.embeddingProgress(modelId, documentId);
    }

    /**
     * Waits until every passage stored before this call has its vector (or the embedder is closed); false on timeout.
     *
     * <p>Being idle is not enough: a document completed just before this call may not have woken the thread yet, so
     * the store decides, and an idle embedder is woken for passages it has not heard of.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            lock.lock();
            try {
                while (!idle && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    changed.awaitNanos(left);
                }
                if (closed) {
                    return true;
                }
            } finally {
                lock.unlock();
            }
            if (store.embeddingProgress(modelId).complete()) {
                return true;
            }
            if (deadline - System.nanoTime() <= 0) {
                return false;
            }
            wake();
        }
    }

    /** Stops the thread, abandoning the batch in progress (it is embedded again at the next start). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        while (!closed) {
            try {
                if (!awaitWork()) {
                    return;
                }
                embedPass();
                pause = FIRST_PAUSE;
            } catch (CancellationException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("Embedding passages failed ({}); retrying in {} s", e.getMessage(), pause.toSeconds(), e);
                wake();
                if (!sleep(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** Waits for a wake-up (or a while, for passages another process stored); false once closed. */
    private boolean awaitWork() throws InterruptedException {
        lock.lock();
        try {
            if (!pending) {
                idle = true;
                changed.signalAll();
                changed.await(IDLE_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
            }
            pending = false;
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    /** One walk over every passage without a vector of the current model. */
    private void embedPass() {
        long cursor = 0;
        long embedded = 0;
        long start = System.nanoTime();
        while (!closed) {
            List<Passage> batch = store.passagesToEmbed(modelId, cursor, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            List<String> texts = new ArrayList<>(batch.size());
            for (Passage passage : batch) {
                texts.add(textOf(passage));
            }
            List<Embedding> vectors = embedder.embedPassages(texts);
            List<PassageVector> stored = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                stored.add(new PassageVector(batch.get(i).id(), vectors.get(i)));
            }
            store.storeVectors(modelId, stored);
            vectorsStored.run();
            cursor = batch.get(batch.size() - 1).id();
            embedded += batch.size();
        }
        if (embedded > 0) {
            double seconds = (System.nanoTime() - start) / 1e9;
            log.info("Embedded {} passages in {} s ({} passages/s)", embedded, String.format("%.1f", seconds),
                    String.format("%.1f", embedded / Math.max(seconds, 1e-9)));
        }
    }

    /** What is embedded of a passage: its heading path, which says what it is about, then its text. */
    static String textOf(Passage passage) {
        if (passage.headingPath().isEmpty()) {
            return passage.text();
        }
        return String.join(" / ", passage.headingPath()) + "\n" + passage.text();
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
