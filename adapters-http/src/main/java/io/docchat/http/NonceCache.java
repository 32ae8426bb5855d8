package io.docchat.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers signature nonces for the length of the date window, so that a captured request cannot be replayed. Bounded:
 * when it is full of nonces that have not expired yet, new signed requests are refused (429) rather than letting an old
 * nonce be forgotten early, which would reopen the replay window.
 */
final class NonceCache {
    private final Clock clock;
    private final long ttlMillis;
    private final int capacity;
    // Insertion order equals expiry order, because every entry lives equally long.
    private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();

    NonceCache(Clock clock, Duration ttl, int capacity) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.capacity = capacity;
    }

    /**
     * Records the nonce; false when it was already seen within the window.
     *
     * @throws ApiException 429 when the cache is full
     */
    synchronized boolean claim(String nonce) {
        long now = clock.millis();
        Iterator<Map.Entry<String, Long>> oldest = expiries.entrySet().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().getValue() > now) {
                break;
            }
            oldest.remove();
        }
        if (expiries.containsKey(nonce)) {
            return false;
        }
        if (expiries.size() >= capacity) {
            throw ApiException.throttled("too many signed requests in the replay window; retry later");
        }
        expiries.put(nonce, now + ttlMillis);
        return true;
    }

    synchronized int size() {
        return expiries.size();
    }
}
