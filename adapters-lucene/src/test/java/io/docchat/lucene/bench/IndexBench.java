package io.docchat.lucene.bench;

import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.lucene.LuceneIndexSettings;
import io.docchat.lucene.LucenePassageIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Indexing rate and single-thread search latency at scale. The evaluation passages are repeated with variations
 * (sentences rotated, a revision word added) up to {@code --passages}, spread over a three-level folder tree of
 * 10 x 10 x 10 folders, 20 passages per document, added one document per call as ingestion does. Searches are the
 * evaluation questions, each scoped to a random top-level or second-level folder subtree, top 10.
 *
 * <p>Indexing is compared, in the same run, with plain Lucene indexing the same passage texts (StandardAnalyzer, one
 * text field with Lucene's default positions, a stored id, default settings, one {@code addDocument} per passage,
 * one commit): {@code --rounds} rounds each index both, in alternating order, into fresh directories, and the median
 * of the per-round ratios is reported. The searches then run on the last round's docchat index. {@code --word-pairs
 * false} indexes without the word-pair field, to show what that field costs.
 *
 * <pre>
 * IndexBench --squad DIR --cmrc DIR [--passages 100000] [--searches 5000] [--rounds 1] [--word-pairs true] [--dir DIR]
 * </pre>
 */
public final class IndexBench {

    private static final String ACCOUNT = "bench";
    private static final int PASSAGES_PER_DOCUMENT = 20;

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("squad") || !options.containsKey("cmrc")) {
            System.err.println("usage: IndexBench --squad DIR --cmrc DIR [--passages N] [--searches N] [--dir DIR]");
            System.exit(2);
        }
        int passageCount = Integer.parseInt(options.getOrDefault("passages", "100000"));
        int searchCount = Integer.parseInt(options.getOrDefault("searches", "5000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
        LuceneIndexSettings settings = Boolean.parseBoolean(options.getOrDefault("word-pairs", "true"))
                ? LuceneIndexSettings.defaults() : LuceneIndexSettings.defaults().withWordPairBoost(0);
        List<EvalSet> sets = List.of(
                EvalSet.read("squad-v1.1", Path.of(options.get("squad"))),
                EvalSet.read("cmrc2018-dev", Path.of(options.get("cmrc"))));
        boolean temporary = !options.containsKey("dir");
        Path directory = temporary ? Files.createTempDirectory("docchat-index-bench") : Path.of(options.get("dir"));
        try {
            run(sets, passageCount, searchCount, rounds, settings, directory);
        } finally {
            if (temporary) {
                RetrievalEval.deleteRecursively(directory);
            }
        }
    }

    private static void run(List<EvalSet> sets, int passageCount, int searchCount, int rounds,
            LuceneIndexSettings settings, Path directory) throws IOException {
        List<EvalSet.EvalPassage> source = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (EvalSet set : sets) {
            source.addAll(set.passages());
            set.questions().forEach(q -> questions.add(q.question()));
        }
        Random random = new Random(42);
        System.out.printf(Locale.ROOT, "java %s, %d cores, index in %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), directory);

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // Built before the clock starts: the benchmark measures the index, not the making of its input.
        List<List<IndexedPassage>> documents = new ArrayList<>();
        List<IndexedPassage> document = new ArrayList<>(PASSAGES_PER_DOCUMENT);
        for (int i = 0; i < passageCount; i++) {
            EvalSet.EvalPassage p = source.get(i % source.size());
            int revision = i / source.size();
            long documentId = i / PASSAGES_PER_DOCUMENT + 1;
            document.add(new IndexedPassage(i + 1, ACCOUNT, documentId, folderPath(documentId), p.title(),
                    vary(p.text(), revision)));
            if (document.size() == PASSAGES_PER_DOCUMENT || i == passageCount - 1) {
                documents.add(document);
                document = new ArrayList<>(PASSAGES_PER_DOCUMENT);
            }
        }
        Path plainDirectory = directory.resolveSibling(directory.getFileName() + "-plain");
        double[] wallRatios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Timing docchat;
            Timing plain;
            if (round % 2 == 0) {
                plain = indexPlain(documents, plainDirectory, threads);
                docchat = indexDocchat(documents, directory, settings, threads);
            } else {
                docchat = indexDocchat(documents, directory, settings, threads);
                plain = indexPlain(documents, plainDirectory, threads);
            }
            wallRatios[round] = docchat.seconds() / plain.seconds();
            cpuRatios[round] = docchat.cpuSeconds() / plain.cpuSeconds();
            System.out.printf(Locale.ROOT, "round %d: indexed %d passages, committed: docchat %.1f s (%.0f passages/s"
                            + " wall clock, %.0f per indexing-thread CPU second), plain Lucene %.1f s (%.0f, %.0f);"
                            + " docchat / plain %.2f× wall clock, %.2f× CPU%n",
                    round + 1, passageCount, docchat.seconds(), passageCount / docchat.seconds(),
                    passageCount / docchat.cpuSeconds(), plain.seconds(), passageCount / plain.seconds(),
                    passageCount / plain.cpuSeconds(), wallRatios[round], cpuRatios[round]);
        }
        Arrays.sort(wallRatios);
        Arrays.sort(cpuRatios);
        System.out.printf(Locale.ROOT, "indexing, docchat / plain Lucene, median of %d rounds: %.2f× wall clock,"
                + " %.2f× indexing-thread CPU time%n", rounds, median(wallRatios), median(cpuRatios));
        RetrievalEval.deleteRecursively(plainDirectory);

        try (LucenePassageIndex index = LucenePassageIndex.open(directory, settings)) {
            // Warm-up: let the JIT compile the search path and the page cache hold the index.
            for (int i = 0; i < 2000; i++) {
                index.search(request(questions, random));
            }
            long[] latencies = new long[searchCount];
            long[] cpuTimes = new long[searchCount];
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long hits = 0;
            for (int i = 0; i < searchCount; i++) {
                SearchRequest request = request(questions, random);
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                hits += index.search(request).size();
                latencies[i] = System.nanoTime() - t0;
                cpuTimes[i] = threads.getCurrentThreadCpuTime() - c0;
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            Arrays.sort(latencies);
            Arrays.sort(cpuTimes);
            System.out.printf(Locale.ROOT,
                    "%d searches (top 10, folder-subtree filter), single thread: p50 %.3f ms, p90 %.3f ms,"
                            + " p99 %.3f ms, max %.3f ms; %.1f hits and %.1f KB allocated per search%n",
                    searchCount, percentile(latencies, 0.50), percentile(latencies, 0.90),
                    percentile(latencies, 0.99), latencies[latencies.length - 1] / 1e6,
                    (double) hits / searchCount, allocated / 1024.0 / searchCount);
            System.out.printf(Locale.ROOT, "same searches, CPU time of the searching thread: p50 %.3f ms, p90 %.3f ms,"
                            + " p99 %.3f ms%n",
                    percentile(cpuTimes, 0.50), percentile(cpuTimes, 0.90), percentile(cpuTimes, 0.99));
        }
    }

    /**
     * Wall-clock and indexing-thread CPU seconds of one indexing run: the calling thread's and, for docchat, its
     * index's writer threads' (a large batch is written on several); Lucene's merge threads are not counted.
     */
    private record Timing(double seconds, double cpuSeconds) {
    }

    private static Timing indexDocchat(List<List<IndexedPassage>> documents, Path directory,
            LuceneIndexSettings settings, com.sun.management.ThreadMXBean threads) {
        try (LucenePassageIndex index = LucenePassageIndex.open(directory, settings)) {
            index.clear();
            index.commit();
            long start = System.nanoTime();
            long cpuStart = indexingCpu(threads);
            for (List<IndexedPassage> passages : documents) {
                index.add(passages);
            }
            index.commit();
            return new Timing((System.nanoTime() - start) / 1e9, (indexingCpu(threads) - cpuStart) / 1e9);
        }
    }

    /** CPU nanoseconds of this thread and of every index writer thread alive now. */
    private static long indexingCpu(com.sun.management.ThreadMXBean threads) {
        long total = threads.getCurrentThreadCpuTime();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("docchat-index-writer-")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    private static Timing indexPlain(List<List<IndexedPassage>> documents, Path directory,
            com.sun.management.ThreadMXBean threads) throws IOException {
        if (Files.exists(directory)) {
            RetrievalEval.deleteRecursively(directory);
        }
        try (FSDirectory plain = FSDirectory.open(directory);
                IndexWriter writer = new IndexWriter(plain, new IndexWriterConfig(new StandardAnalyzer()))) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (List<IndexedPassage> passages : documents) {
                for (IndexedPassage passage : passages) {
                    Document doc = new Document();
                    doc.add(new StoredField("id", passage.id()));
                    doc.add(new TextField("text", passage.text(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            writer.commit();
            return new Timing((System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Top-level folder t, second-level t.s and leaf t.s.l, from the document id, so documents spread evenly. */
    private static List<String> folderPath(long documentId) {
        int leaf = (int) (documentId % 1000);
        String top = "t" + leaf / 100;
        String sub = top + "." + (leaf / 10) % 10;
        return List.of(top, sub, sub + "." + leaf % 10);
    }

    /** Rotates the sentences by the revision number and names the revision, so repeats are not identical. */
    private static String vary(String text, int revision) {
        if (revision == 0) {
            return text;
        }
        String[] sentences = text.split("(?<=[.!?。！？])\\s*");
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int k = 0; k < sentences.length; k++) {
            out.append(sentences[(k + revision) % sentences.length]).append(' ');
        }
        return out.append("revision ").append(revision).toString();
    }

    private static SearchRequest request(List<String> questions, Random random) {
        String question = questions.get(random.nextInt(questions.size()));
        int top = random.nextInt(10);
        String folder = random.nextBoolean() ? "t" + top : "t" + top + "." + random.nextInt(10);
        return new SearchRequest(ACCOUNT, question, Set.of(folder), Set.of(), 10);
    }

    private static double percentile(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
