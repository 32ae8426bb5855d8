package io.docchat.core.engine.ingest;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Documents waiting to be parsed, one first-in-first-out line per account, served in turn: an account with a large
 * backlog gets one document parsed per round, like every other account with work waiting, so it cannot starve them.
 */
final class RoundRobinBacklog {
    private final Map<String, ArrayDeque<Long>> waitingByAccount = new HashMap<>();
    /** The accounts with documents waiting, in the order of their next turn. */
    private final ArrayDeque<String> turns = new ArrayDeque<>();
    private int size;

    /** Adds the document unless {@code limit} documents already wait; returns whether it was added. */
    synchronized boolean offer(String accountId, long documentId, int limit) {
        if (size >= limit) {
            return false;
        }
        add(accountId, documentId);
        return true;
    }

    /** Adds the document whatever the number waiting. */
    synchronized void add(String accountId, long documentId) {
        ArrayDeque<Long> waiting = waitingByAccount.computeIfAbsent(accountId, account -> {
            turns.addLast(account);
            return new ArrayDeque<>();
        });
        waiting.addLast(documentId);
        size++;
    }

    /** The next account's oldest waiting document, that account's turn then moving to the back; empty when none. */
    synchronized OptionalLong poll() {
        String account = turns.pollFirst();
        if (account == null) {
            return OptionalLong.empty();
        }
        ArrayDeque<Long> waiting = waitingByAccount.get(account);
        long documentId = waiting.removeFirst();
        if (waiting.isEmpty()) {
            waitingByAccount.remove(account);
        } else {
            turns.addLast(account);
        }
        size--;
        return OptionalLong.of(documentId);
    }

    synchronized int size() {
        return size;
    }

    synchronized void clear() {
        waitingByAccount.clear();
        turns.clear();
        size = 0;
    }
}
