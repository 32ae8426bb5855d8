package io.docchat.evaluation;

import java.util.Arrays;

/** Durations in nanoseconds and their nearest-rank percentiles. Not thread-safe. */
public final class Latencies {
    private long[] values = new long[64];
    private int size;

    public void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public int size() {
        return size;
    }

    /** The nearest-rank percentile in milliseconds; 0 when empty. */
    public double percentileMillis(double percentile) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
