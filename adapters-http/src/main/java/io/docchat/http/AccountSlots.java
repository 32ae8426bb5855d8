package io.docchat.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the answers each account has in progress, against one limit per account. */
final class AccountSlots {
    private final int limit;
    private final ConcurrentHashMap<String, AtomicInteger> inUse = new ConcurrentHashMap<>();

    AccountSlots(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Takes a slot of the account; false when it already holds {@link #limit()}. */
    boolean tryAcquire(String accountId) {
        boolean[] taken = new boolean[1];
        inUse.compute(accountId, (id, count) -> {
            AtomicInteger current = count == null ? new AtomicInteger() : count;
            if (current.get() < limit) {
                current.incrementAndGet();
                taken[0] = true;
            }
            return current;
        });
        return taken[0];
    }

    /** Gives back a slot taken with {@link #tryAcquire}; an account holding none is forgotten. */
    void release(String accountId) {
        inUse.computeIfPresent(accountId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** The slots the account holds now. */
    int inUse(String accountId) {
        AtomicInteger count = inUse.get(accountId);
        return count == null ? 0 : count.get();
    }
}
