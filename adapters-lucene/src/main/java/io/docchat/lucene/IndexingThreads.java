package io.docchat.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * Writes the passages of one batch on several threads. Lucene's {@code IndexWriter} indexes concurrently (each thread
 * fills its own in-memory segment), and analysing a passage and inverting its terms is most of what indexing costs,
 * so a large batch, such as a long document becoming searchable, takes about its share of every core instead of one
 * core's time. Small batches stay on the caller's thread: handing them over would cost more than it saves.
 *
 * <p>Items with the same key are written by one thread, in the batch's order, so that two writes of one passage in a
 * batch keep their order. The caller's thread writes one share itself and returns once every share is written.
 */
final class IndexingThreads implements AutoCloseable {
    /** Below this many items per thread a batch is written by the caller alone. */
    static final int MIN_ITEMS_PER_THREAD = 64;

    /** One write of one item; may throw the writer's {@link IOException}. */
    @FunctionalInterface
    interface Write<T> {
        void apply(T item) throws IOException;
    }

    private final int threads;
    private final ExecutorService helpers;

    /** @param threads the most threads a batch is written on, the caller's included */
    IndexingThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        AtomicInteger counter = new AtomicInteger();
        // Threads start when first needed (a small or single-threaded index never starts one) and are daemons, so
        // an index left unclosed does not keep the JVM alive.
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "docchat-index-writer-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One thread per core, at most four: beyond that the writer's shared structures gain little. */
    static IndexingThreads forThisMachine() {
        return new IndexingThreads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** How many threads a batch of {@code items} is written on. */
    int threadsFor(int items) {
        return Math.max(1, Math.min(threads, items / MIN_ITEMS_PER_THREAD));
    }

    /**
     * Applies {@code write} to every item and returns when all are written. When a write fails, the other shares
     * still finish (what reached the writer is then known to the caller as possibly written) and the first failure
     * is thrown, later ones suppressed in it.
     */
    <T> void writeAll(List<T> items, ToLongFunction<T> key, Write<T> write) throws IOException {
        int shares = threadsFor(items.size());
        if (shares == 1) {
            for (T item : items) {
                write.apply(item);
            }
            return;
        }
        List<List<T>> byShare = new ArrayList<>(shares);
        for (int i = 0; i < shares; i++) {
            byShare.add(new ArrayList<>(items.size() / shares + 1));
        }
        for (T item : items) {
            byShare.get((int) Math.floorMod(key.applyAsLong(item), (long) shares)).add(item);
        }
        List<Future<?>> running = new ArrayList<>(shares - 1);
        for (int i = 1; i < shares; i++) {
            List<T> share = byShare.get(i);
            running.add(helpers.submit(() -> {
                for (T item : share) {
                    try {
                        write.apply(item);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }));
        }
        Throwable failure = null;
        try {
            for (T item : byShare.get(0)) {
                write.apply(item);
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
        failure = awaitAll(running, failure);
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
    }

    /** Waits for every share, even when interrupted (they are short), and folds their failures into {@code first}. */
    private static Throwable awaitAll(List<Future<?>> running, Throwable first) {
        boolean interrupted = false;
        Throwable failure = first;
        for (Future<?> share : running) {
            while (true) {
                try {
                    share.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() instanceof UncheckedIOException unchecked
                            ? unchecked.getCause() : e.getCause();
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdown();
        }
    }
}
