package io.docchat.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class IndexingThreadsTest {

    @Test
    void smallBatchesStayOnTheCallersThread() throws IOException {
        try (IndexingThreads threads = new IndexingThreads(4)) {
            Set<Thread> used = ConcurrentHashMap.newKeySet();
            threads.writeAll(items(2 * IndexingThreads.MIN_ITEMS_PER_THREAD - 1), Long::longValue,
                    item -> used.add(Thread.currentThread()));
            assertThat(used).containsExactly(Thread.currentThread());
        }
    }

    @Test
    void aLargeBatchIsSharedAndEveryItemWrittenOnceInOrderPerKey() throws IOException {
        try (IndexingThreads threads = new IndexingThreads(3)) {
            // Keys repeat (ten items each): items of one key must be written by one thread, in the batch's order.
            List<Long> items = items(3_000);
            Map<Long, List<Long>> byKey = new ConcurrentHashMap<>();
            Map<Long, Thread> threadOfKey = new ConcurrentHashMap<>();
            Set<Thread> used = ConcurrentHashMap.newKeySet();
            threads.writeAll(items, item -> (item - 1) / 10, item -> {
                long key = (item - 1) / 10;
                used.add(Thread.currentThread());
                assertThat(threadOfKey.computeIfAbsent(key, k -> Thread.currentThread()))
                        .isSameAs(Thread.currentThread());
                byKey.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(item);
            });
            assertThat(used).hasSize(3).contains(Thread.currentThread());
            assertThat(byKey.values().stream().mapToInt(List::size).sum()).isEqualTo(items.size());
            byKey.forEach((key, written) -> assertThat(written).isSorted().hasSize(10));
        }
    }

    @Test
    void theFailureIsThrownOnlyOnceTheOtherSharesFinished() {
        try (IndexingThreads threads = new IndexingThreads(2)) {
            // Two shares by key parity: the odd share fails at 501, the even one must still be written whole.
            Set<Long> written = ConcurrentHashMap.newKeySet();
            assertThatThrownBy(() -> threads.writeAll(items(1_000), Long::longValue, item -> {
                if (item == 501) {
                    throw new IOException("disk full at " + item);
                }
                written.add(item);
            })).isInstanceOf(IOException.class).hasMessage("disk full at 501");
            assertThat(written).filteredOn(item -> item % 2 == 0).hasSize(500);
            assertThat(written).filteredOn(item -> item % 2 == 1).hasSize(250).allMatch(item -> item < 501);
        }
    }

    @Test
    void failuresOfSeveralSharesAreAllReported() {
        try (IndexingThreads threads = new IndexingThreads(2)) {
            assertThatThrownBy(() -> threads.writeAll(items(1_000), Long::longValue, item -> {
                if (item == 501 || item == 700) {
                    throw new IOException("disk full at " + item);
                }
            })).isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                            .isInstanceOf(IOException.class));
        }
    }

    @Test
    void aFailureOnAHelperThreadKeepsItsType() {
        try (IndexingThreads threads = new IndexingThreads(2)) {
            assertThatThrownBy(() -> threads.writeAll(items(1_000), Long::longValue, item -> {
                if (item % 2 == 1) {
                    throw new IllegalArgumentException("odd " + item);
                }
            })).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<Long> items(int count) {
        return LongStream.rangeClosed(1, count).boxed().toList();
    }
}
