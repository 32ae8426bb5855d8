package io.docchat.core.memory;

import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Measures the in-memory index on a synthetic corpus: indexing rate and search latency, with and without a folder
 * scope. A program, not a test: run it by hand with {@code java -cp core/target/classes:core/target/test-classes
 * io.docchat.core.memory.InMemoryPassageIndexBenchmark [passages]}.
 */
public final class InMemoryPassageIndexBenchmark {

    private static final String[] ENGLISH = ("pump valve motor impeller seal bearing shaft flow pressure head "
            + "voltage current power speed torque housing flange gasket filter strainer pipe outlet inlet suction "
            + "discharge cavitation vibration noise temperature maintenance inspection warranty installation manual "
            + "operation safety alarm sensor controller display").split(" ");
    private static final String CHINESE = "本产品的最大流量为每小时三十立方米请定期检查阀门密封件电机防护等级水泵扬程安装维护保养说明";

    private InMemoryPassageIndexBenchmark() {}

    public static void main(String[] args) {
        int passages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(20240301);
        List<String> folders = List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7");
        List<IndexedPassage> corpus = new ArrayList<>(passages);
        for (int i = 1; i <= passages; i++) {
            StringBuilder text = new StringBuilder(400);
            int words = 40 + random.nextInt(40);
            for (int w = 0; w < words; w++) {
                if (random.nextInt(6) == 0) {
                    int start = random.nextInt(CHINESE.length() - 6);
                    text.append(CHINESE, start, start + 2 + random.nextInt(5));
                } else {
                    text.append(ENGLISH[random.nextInt(ENGLISH.length)]);
                }
                text.append(random.nextInt(12) == 0 ? ". " : " ");
            }
            String folder = folders.get(i % folders.size());
            corpus.add(new IndexedPassage(i, "acme", i / 20, List.of("root", folder), "manual " + i / 20,
                    text.toString()));
        }

        try (InMemoryPassageIndex index = new InMemoryPassageIndex()) {
            long start = System.nanoTime();
            for (int from = 0; from < corpus.size(); from += 500) {
                index.add(corpus.subList(from, Math.min(corpus.size(), from + 500)));
            }
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "passages=%d index=%.2fs (%.0f passages/s)%n", passages, indexSeconds,
                    passages / indexSeconds);

            List<String> queries = List.of("pump cavitation noise at the suction side", "最大流量是多少",
                    "how often should the valve seals be inspected", "电机防护等级 motor", "warranty installation manual");
            List<SearchRequest> unscoped = queries.stream()
                    .map(q -> new SearchRequest("acme", q, Set.of(), Set.of(), 10)).toList();
            List<SearchRequest> scoped = queries.stream()
                    .map(q -> new SearchRequest("acme", q, Set.of("f3"), Set.of(), 10)).toList();
            double unscopedMillis = measure(index, unscoped);
            double scopedMillis = measure(index, scoped);

            System.out.printf(Locale.ROOT, "search top-10, whole account: %.2f ms/query%n", unscopedMillis);
            System.out.printf(Locale.ROOT, "search top-10, one folder of eight: %.2f ms/query%n", scopedMillis);
        }
    }

    /** Mean milliseconds per query after a warm-up of the same queries. */
    private static double measure(InMemoryPassageIndex index, List<SearchRequest> requests) {
        long sink = 0;
        for (int i = 0; i < 10; i++) {
            for (SearchRequest r : requests) {
                sink += index.search(r).size();
            }
        }
        int rounds = 20;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            for (SearchRequest r : requests) {
                List<ScoredPassage> hits = index.search(r);
                sink += hits.size();
            }
        }
        double millis = (System.nanoTime() - start) / 1e6 / (rounds * requests.size());
        if (sink == 0) {
            throw new IllegalStateException("no query found anything; the corpus is broken");
        }
        return millis;
    }
}
