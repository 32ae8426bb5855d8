package io.docchat.postgres;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work in PostgreSQL transactions on pooled connections. Writes run at READ COMMITTED and lock what they
 * depend on ({@code SELECT ... FOR UPDATE}, the change-sequence row); reads run in a READ ONLY REPEATABLE READ
 * transaction, so a multi-query read sees one snapshot. A unit that loses a deadlock or a serialization conflict to
 * another node is run again with backoff until {@link #maxWait} has passed; nothing else is retried.
 */
final class PostgresTransactions {
    private static final Logger log = LoggerFactory.getLogger(PostgresTransactions.class);

    private final Jdbi jdbi;
    private final Duration maxWait;
    private volatile boolean closed;

    PostgresTransactions(Jdbi jdbi, Duration maxWait) {
        this.jdbi = jdbi;
        this.maxWait = maxWait;
    }

    /** Runs {@code work} in one write transaction; committed if it returns, rolled back if it throws. */
    <T> T write(String action, HandleCallback<T, RuntimeException> work) {
        return withRetry(action, "BEGIN ISOLATION LEVEL READ COMMITTED", work);
    }

    /** Runs {@code work} in one read-only transaction (a consistent snapshot). */
    <T> T read(String action, HandleCallback<T, RuntimeException> work) {
        return withRetry(action, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work);
    }

    void close() {
        closed = true;
    }

    private <T> T withRetry(String action, String begin, HandleCallback<T, RuntimeException> work) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long backoffMillis = 2;
        for (int attempt = 1; ; attempt++) {
            if (closed) {
                throw new DocChatException(ErrorCode.STORAGE_FAILURE, action + " failed: the store is closed");
            }
            try {
                return once(begin, work);
            } catch (RuntimeException failure) {
                if (!PostgresErrors.isRetryable(failure) || System.nanoTime() > deadline) {
                    throw PostgresErrors.translate(failure, action);
                }
                log.debug("{}: conflict with a concurrent transaction, retrying (attempt {})", action, attempt);
                sleep(backoffMillis, action, failure);
                backoffMillis = Math.min(backoffMillis * 2, 100);
            }
        }
    }

    private <T> T once(String begin, HandleCallback<T, RuntimeException> work) {
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
