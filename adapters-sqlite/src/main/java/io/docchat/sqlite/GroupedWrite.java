package io.docchat.sqlite;

import java.util.concurrent.CountDownLatch;
import org.jdbi.v3.core.HandleCallback;

/**
 * One small write waiting to be committed together with others (see {@link SqliteTransactions#writeGrouped}): its
 * work, and once the group's transaction has committed or failed, its own outcome.
 */
final class GroupedWrite<T> {
    final String action;
    final HandleCallback<T, RuntimeException> work;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile T result;
    private volatile RuntimeException failure;

    GroupedWrite(String action, HandleCallback<T, RuntimeException> work) {
        this.action = action;
        this.work = work;
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits for the outcome, keeping an interruption for the caller to see afterwards. */
    void awaitUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void succeed(T value) {
        result = value;
        done.countDown();
    }

    void fail(RuntimeException cause) {
        failure = cause;
        done.countDown();
    }

    /** The result of the work, or its failure thrown; call once {@link #isDone()}. */
    T outcome() {
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
