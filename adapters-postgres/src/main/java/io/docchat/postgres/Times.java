package io.docchat.postgres;

import java.time.Instant;

/** Instants as nanoseconds since the epoch: exact (PostgreSQL's timestamps keep microseconds only), and ordered. */
final class Times {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Times() {}

    static long toNanos(Instant instant) {
        if (instant == null) {
            throw new IllegalArgumentException("a time is required");
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
