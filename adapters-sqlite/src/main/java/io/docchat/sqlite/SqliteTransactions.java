package io.docchat.sqlite;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work in SQLite transactions so that {@code SQLITE_BUSY} never reaches a caller.
 *
 * <p>Writes go through one connection, one at a time (a fair lock), each in {@code BEGIN IMMEDIATE}: the write lock is
 * taken up front, so a transaction never fails half-way for lack of it, and sequence numbers drawn inside it are in
 * commit order. Another process writing the same file makes {@code BEGIN IMMEDIATE} wait for the busy timeout; if
 * that is not enough the whole unit is retried with backoff until {@link #maxWait} has passed. Reads run on pooled
 * connections in a deferred transaction, so a multi-query read sees one consistent snapshot (WAL readers never wait
 * for the writer).
 */
final class SqliteTransactions {
    private static final Logger log = LoggerFactory.getLogger(SqliteTransactions.class);
    /** The most small writes committed in one transaction: bounds how long the writer is held at once. */
    static final int MAX_GROUP = 64;

    private final Jdbi writer;
    private final Jdbi readers;
    private final Duration maxWait;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ConcurrentLinkedQueue<GroupedWrite<?>> groupable = new ConcurrentLinkedQueue<>();
    private final AtomicLong groupCommits = new AtomicLong();
    private volatile boolean closed;

    SqliteTransactions(Jdbi writer, Jdbi readers, Duration maxWait) {
        this.writer = writer;
        this.readers = readers;
        this.maxWait = maxWait;
    }

    /** Runs {@code work} in one write transaction; committed if it returns, rolled back if it throws. */
    <T> T write(String action, HandleCallback<T, RuntimeException> work) {
        try {
            writeLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocChatException(ErrorCode.STORAGE_FAILURE, action + " was interrupted", e);
        }
        try {
            return withRetry(action, writer, "BEGIN IMMEDIATE", work);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs a small {@code work} in a write transaction that it may share with other small writes waiting for the
     * writer at the same time: group commit. Whoever gets the writer runs every waiting unit (up to
     * {@value #MAX_GROUP}) in one transaction, each in its own savepoint, so a unit that throws is rolled back alone
     * and only its caller sees the failure. Each caller returns after the commit that holds its work, so durability
     * is that of {@link #write}; under load many units share one commit (one fsync) instead of queueing for a commit
     * each.
     */
    <T> T writeGrouped(String action, HandleCallback<T, RuntimeException> work) {
        GroupedWrite<T> mine = new GroupedWrite<>(action, work);
        groupable.add(mine);
        while (!mine.isDone()) {
            try {
                writeLock.lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (groupable.remove(mine)) {
                    throw new DocChatException(ErrorCode.STORAGE_FAILURE, action + " was interrupted", e);
                }
                // Already taken into a group being committed: its outcome follows shortly.
                mine.awaitUninterruptibly();
                break;
            }
            try {
                if (!mine.isDone()) {
                    commitGroup();
                }
            } finally {
                writeLock.unlock();
            }
        }
        return mine.outcome();
    }

    /** How many group transactions have committed: for tests that check that writes were grouped. */
    long groupCommits() {
        return groupCommits.get();
    }

    /** Small writes waiting for the writer. */
    int waitingGroupedWrites() {
        return groupable.size();
    }

    /** Runs and commits the waiting small writes; the caller holds the write lock. */
    private void commitGroup() {
        List<GroupedWrite<?>> group = new ArrayList<>();
        GroupedWrite<?> next;
        while (group.size() < MAX_GROUP && (next = groupable.poll()) != null) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        Object[] results = new Object[group.size()];
        RuntimeException[] failures = new RuntimeException[group.size()];
        try {
            withRetry("writing " + group.size() + " grouped changes", writer, "BEGIN IMMEDIATE", handle -> {
                for (int i = 0; i < group.size(); i++) {
                    results[i] = null;
                    failures[i] = null;
                    handle.execute("SAVEPOINT grouped_write");
                    try {
                        results[i] = group.get(i).work.withHandle(handle);
                        handle.execute("RELEASE grouped_write");
                    } catch (RuntimeException e) {
                        handle.execute("ROLLBACK TO grouped_write");
                        handle.execute("RELEASE grouped_write");
                        failures[i] = StorageErrors.translate(e, group.get(i).action);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            group.forEach(write -> write.fail(e));
            return;
        }
        groupCommits.incrementAndGet();
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results[i], failures[i]);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(GroupedWrite<T> write, Object result, RuntimeException failure) {
        if (failure != null) {
            write.fail(failure);
        } else {
            write.succeed((T) result);
        }
    }

    /** Runs {@code work} in one read transaction (a consistent snapshot). */
    <T> T read(String action, HandleCallback<T, RuntimeException> work) {
        return withRetry(action, readers, "BEGIN", work);
    }

    /** Waits for the write in progress, then refuses every further unit of work. */
    void close() {
        writeLock.lock();
        try {
            closed = true;
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T withRetry(String action, Jdbi jdbi, String begin, HandleCallback<T, RuntimeException> work) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long backoffMillis = 2;
        for (int attempt = 1; ; attempt++) {
            if (closed) {
                throw new DocChatException(ErrorCode.STORAGE_FAILURE, action + " failed: the database is closed");
            }
            try {
                return once(jdbi, begin, work);
            } catch (RuntimeException failure) {
                if (!StorageErrors.isBusy(failure) || System.nanoTime() > deadline) {
                    throw StorageErrors.translate(failure, action);
                }
                log.debug("{}: database busy, retrying (attempt {})", action, attempt);
                sleep(backoffMillis, action, failure);
                backoffMillis = Math.min(backoffMillis * 2, 100);
            }
        }
    }

    private static <T> T once(Jdbi jdbi, String begin, HandleCallback<T, RuntimeException> work) {
        try (Handle handle = jdbi.open()) {
            handle.execute(begin);
            boolean committed = false;
            try {
                T result = work.withHandle(handle);
                handle.execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(handle);
                }
            }
        }
    }

    /** SQLite may already have rolled back (e.g. after an I/O error), in which case ROLLBACK fails harmlessly. */
    private static void rollbackQuietly(Handle handle) {
        try {
            handle.execute("ROLLBACK");
        } catch (RuntimeException e) {
            log.debug("rollback after a failed transaction did not run: {}", e.getMessage());
        }
    }

    private static void sleep(long millis, String action, RuntimeException cause) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            DocChatException interrupted =
                    new DocChatException(ErrorCode.STORAGE_FAILURE, action + " was interrupted", e);
            interrupted.addSuppressed(cause);
            throw interrupted;
        }
    }
}
