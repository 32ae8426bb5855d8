package io.docchat.core.engine.ingest;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background parsing of documents: a fixed number of {@code docchat-ingest-N} threads serving a bounded backlog
 * in per-account turns ({@link RoundRobinBacklog}), and a completion signal per queued document so that waiting for
 * one costs no polling.
 *
 * <p>New submissions are refused with {@link ErrorCode#BUSY} when the backlog is full. Documents resumed from an
 * earlier run are never refused: they are already stored, so they join the backlog whatever its size.
 */
public final class IngestQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestQueue.class);

    private final DocumentProcessor processor;
    /** Each task it runs parses whichever document's turn it is, so tasks and waiting documents are as many. */
    private final ThreadPoolExecutor executor;
    private final int capacity;
    private final RoundRobinBacklog backlog = new RoundRobinBacklog();
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();
    private volatile boolean closing;

    public IngestQueue(DocumentProcessor processor, int threads, int capacity) {
        this.processor = processor;
        this.capacity = capacity;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new DaemonThreads("docchat-ingest-"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues a newly submitted document; {@code BUSY} when the backlog is full. */
    void submit(String accountId, long documentId) {
        ensureOpen();
        CompletableFuture<Void> signal = signals.computeIfAbsent(documentId, id -> new CompletableFuture<>());
        if (!backlog.offer(accountId, documentId, capacity)) {
            signals.remove(documentId, signal);
            throw new DocChatException(ErrorCode.BUSY, null,
                    "docchat is busy: " + capacity + " documents are already waiting to be parsed; try again later",
                    null);
        }
        schedule();
    }

    /** Queues a document left unfinished by an earlier run, whatever the number already waiting. */
    public void resume(String accountId, long documentId) {
        ensureOpen();
        signals.computeIfAbsent(documentId, id -> new CompletableFuture<>());
        backlog.add(accountId, documentId);
        schedule();
    }

    /** The signal completed when the document's job ends, if it is queued or running in this engine. */
    Optional<CompletableFuture<Void>> completion(long documentId) {
        return Optional.ofNullable(signals.get(documentId));
    }

    /** True once {@link #close} has begun: queued documents will not be processed by this engine. */
    boolean isClosing() {
        return closing;
    }

    /**
     * How many more documents this engine could start soon: its idle threads, plus one waiting per thread so that a
     * thread finishing a job finds the next one without waiting for the next look at the shared store. Each waiting
     * document has one task in the executor's queue.
     */
    int wantedJobs() {
        int threads = executor.getMaximumPoolSize();
        return Math.max(0, 2 * threads - executor.getActiveCount() - executor.getQueue().size());
    }

    private void ensureOpen() {
        if (closing) {
            throw DocChatException.closed();
        }
    }

    private void schedule() {
        try {
            executor.execute(this::runNext);
        } catch (RejectedExecutionException e) {
            // Only when closing: what is waiting stays PENDING in the store and resumes at the next start.
            log.debug("Not scheduling parsing: docchat is closing");
        }
    }

    private void runNext() {
        if (closing) {
            return;
        }
        OptionalLong next = backlog.poll();
        if (next.isEmpty()) {
            return;
        }
        long documentId = next.getAsLong();
        try {
            processor.process(documentId);
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
    }

    /**
     * Stops taking work, gives running jobs {@code grace} to finish, then interrupts them. Waiting documents stay
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
