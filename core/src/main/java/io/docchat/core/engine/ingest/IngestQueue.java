package io.docchat.core.engine.ingest;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background parsing of documents: a fixed number of {@code docchat-ingest-N} threads behind a bounded queue, and
 * a completion signal per queued document so that waiting for one costs no polling.
 *
 * <p>New submissions are refused when the queue is full. Documents resumed from an earlier run are never refused:
 * they are already stored, so those that do not fit wait in a backlog that feeds the queue as jobs finish.
 */
public final class IngestQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestQueue.class);

    private final DocumentProcessor processor;
    private final ThreadPoolExecutor executor;
    private final int capacity;
    private final Queue<Long> backlog = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();
    private volatile boolean closing;

    public IngestQueue(DocumentProcessor processor, int threads, int capacity) {
        this.processor = processor;
        this.capacity = capacity;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity), new DaemonThreads("docchat-ingest-"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues a newly submitted document; {@code CONFLICT} when the queue is full. */
    void submit(long documentId) {
        if (!tryQueue(documentId)) {
            throw new DocChatException(ErrorCode.CONFLICT, null,
                    "docchat is busy: " + capacity + " documents are already waiting to be parsed; try again later",
                    null);
        }
    }

    /** Queues a document left unfinished by an earlier run, waiting in the backlog if the queue is full. */
    public void resume(long documentId) {
        signals.computeIfAbsent(documentId, id -> new CompletableFuture<>());
        backlog.add(documentId);
        feedBacklog();
    }

    /** The signal completed when the document's job ends, if it is queued or running in this engine. */
    Optional<CompletableFuture<Void>> completion(long documentId) {
        return Optional.ofNullable(signals.get(documentId));
    }

    private boolean tryQueue(long documentId) {
        if (closing) {
            throw DocChatException.closed();
        }
        CompletableFuture<Void> signal = signals.computeIfAbsent(documentId, id -> new CompletableFuture<>());
        try {
            executor.execute(() -> run(documentId));
            return true;
        } catch (RejectedExecutionException e) {
            signals.remove(documentId, signal);
            return false;
        }
    }

    private void feedBacklog() {
        synchronized (backlog) {
            Long next;
            while (!closing && (next = backlog.peek()) != null) {
                long documentId = next;
                try {
                    executor.execute(() -> run(documentId));
                } catch (RejectedExecutionException e) {
                    return;
                }
                backlog.poll();
            }
        }
    }

    private void run(long documentId) {
        try {
            if (!closing) {
                processor.process(documentId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Parsing of document {} stopped because docchat is closing; it resumes at the next start",
                    documentId);
        } catch (RuntimeException e) {
            log.error("Parsing of document {} failed unexpectedly; it resumes at the next start", documentId, e);
        } finally {
            CompletableFuture<Void> signal = signals.remove(documentId);
            if (signal != null) {
                signal.complete(null);
            }
        }
        feedBacklog();
    }

    /**
     * Stops taking work, gives running jobs {@code grace} to finish, then interrupts them. Queued documents stay
     * {@code PENDING} in the store.
     */
    public void close(Duration grace) {
        closing = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("Some parsing jobs did not stop within {}; abandoning them", grace.multipliedBy(2));
                }
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // Wake anyone waiting on a document that will not be processed now.
        signals.values().forEach(signal -> signal.complete(null));
        signals.clear();
        backlog.clear();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
