package io.docchat.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median the programs here report: of an odd count the middle value, of an even count the upper middle. */
final class Medians {
    private Medians() {}

    static <T extends Comparable<T>> T median(List<T> values) {
        List<T> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
