package io.docchat.lucene.bench;

import io.docchat.evaluation.RankMetrics;
import com.ibm.icu.text.Transliterator;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.lucene.ChineseSegmentation;
import io.docchat.lucene.LuceneIndexSettings;
import io.docchat.lucene.LucenePassageIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Retrieval quality on question-answering sets: every set's passages go into ONE index (a mixed English and Chinese
 * corpus, one folder per set), then every question searches the whole index and the rank of its gold passage is
 * scored. The same run scores a plain-Lucene baseline on the same mixed corpus.
 *
 * <pre>
 * RetrievalEval --squad DIR --cmrc DIR [--k1 F] [--b F] [--title-boost F] [--segmentation BIGRAMS|WORDS|WORDS_AND_BIGRAMS]
 *               [--grid K1:B[:TITLE[:PAIRS]],...] [--traditional] [--segmentations] [--sweep]
 * </pre>
 * {@code --grid K1:B[:TITLE[:PAIRS]],...} also scores the chosen segmentation at each of those points;
 * {@code --traditional} converts the Chinese set (passages and questions) to Traditional Chinese first;
 * {@code --segmentations} also scores every Chinese segmentation with the other settings as chosen;
 * {@code --sweep} also scores every Chinese segmentation and a grid of BM25 and title-boost settings.
 */
public final class RetrievalEval {

    private static final String ACCOUNT = "eval";
    private static final int DEPTH = 10;

    private final List<EvalSet> sets;
    private final PrintStream out;
    private final String grid;

    private RetrievalEval(List<EvalSet> sets, PrintStream out, String grid) {
        this.sets = sets;
        this.out = out;
        this.grid = grid;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        if (!options.containsKey("squad") || !options.containsKey("cmrc")) {
            System.err.println("usage: RetrievalEval --squad DIR --cmrc DIR [--k1 F] [--b F] [--title-boost F] [--pair-boost F]"
                    + " [--segmentation BIGRAMS|WORDS|WORDS_AND_BIGRAMS] [--grid K1:B[:TITLE[:PAIRS]],...] [--traditional]"
                    + " [--segmentations] [--sweep]");
            System.exit(2);
        }
        EvalSet cmrc = EvalSet.read("cmrc2018-dev", Path.of(options.get("cmrc")));
        if (options.containsKey("traditional")) {
            // Passages and questions alike, through ICU's transform, to measure Traditional Chinese retrieval.
            Transliterator toTraditional = Transliterator.getInstance("Simplified-Traditional");
            cmrc = cmrc.converted("cmrc2018-dev-traditional", toTraditional::transliterate);
        }
        List<EvalSet> sets = List.of(EvalSet.read("squad-v1.1", Path.of(options.get("squad"))), cmrc);
        LuceneIndexSettings settings = LuceneIndexSettings.defaults();
        if (options.containsKey("k1") || options.containsKey("b")) {
            settings = settings.withBm25(Float.parseFloat(options.getOrDefault("k1", String.valueOf(settings.k1()))),
                    Float.parseFloat(options.getOrDefault("b", String.valueOf(settings.b()))));
        }
        if (options.containsKey("title-boost")) {
            settings = settings.withTitleBoost(Float.parseFloat(options.get("title-boost")));
        }
        if (options.containsKey("pair-boost")) {
            settings = settings.withWordPairBoost(Float.parseFloat(options.get("pair-boost")));
        }
        if (options.containsKey("segmentation")) {
            settings = settings.withChineseSegmentation(ChineseSegmentation.valueOf(options.get("segmentation")));
        }
        new RetrievalEval(sets, System.out, options.get("grid")).run(settings, options.containsKey("sweep"),
                options.containsKey("segmentations"));
    }

    private void run(LuceneIndexSettings chosen, boolean sweep, boolean compareSegmentations) throws IOException {
        int passages = sets.stream().mapToInt(s -> s.passages().size()).sum();
        out.printf(Locale.ROOT, "mixed corpus: %d passages (%s)%n", passages,
                String.join(", ", sets.stream().map(s -> s.name() + " " + s.passages().size()).toList()));
        Map<String, RankMetrics> baseline = evaluateBaseline();
        Map<String, RankMetrics> docchat = evaluate(chosen);
        out.println();
        out.println("| set | questions | system | Recall@1 | Recall@5 | MRR@10 |");
        out.println("|---|---:|---|---:|---:|---:|");
        for (EvalSet set : sets) {
            row(set.name(), "plain Lucene (StandardAnalyzer, BM25 defaults)", baseline.get(set.name()));
            row(set.name(), "docchat " + describe(chosen), docchat.get(set.name()));
        }
        if (sweep) {
            sweep(chosen);
        } else if (compareSegmentations) {
            header();
            for (ChineseSegmentation segmentation : ChineseSegmentation.values()) {
                sweepRow(chosen.withChineseSegmentation(segmentation));
            }
        }
        if (grid != null) {
            header();
            for (String point : grid.split(",")) {
                String[] v = point.split(":");
                sweepRow(chosen.withBm25(Float.parseFloat(v[0]), Float.parseFloat(v[1]))
                        .withTitleBoost(v.length > 2 ? Float.parseFloat(v[2]) : chosen.titleBoost())
                        .withWordPairBoost(v.length > 3 ? Float.parseFloat(v[3]) : chosen.wordPairBoost()));
            }
        }
    }

    private void header() {
        out.println();
        out.println("| segmentation | k1 | b | title boost | pair boost | squad R@1 | squad R@5 | squad MRR | cmrc R@1 | cmrc R@5 | cmrc MRR |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    private void sweep(LuceneIndexSettings chosen) throws IOException {
        header();
        for (ChineseSegmentation segmentation : ChineseSegmentation.values()) {
            sweepRow(chosen.withChineseSegmentation(segmentation));
        }
        float[][] bm25 = {{0.9f, 0.4f}, {1.2f, 0.6f}, {1.2f, 0.9f}, {1.5f, 0.9f}};
        for (float[] kb : bm25) {
            sweepRow(chosen.withBm25(kb[0], kb[1]));
        }
        for (float boost : new float[] {0f, 1f, 2f}) {
            sweepRow(chosen.withTitleBoost(boost));
        }
    }

    private void sweepRow(LuceneIndexSettings settings) throws IOException {
        Map<String, RankMetrics> m = evaluate(settings);
        RankMetrics squad = m.get(sets.get(0).name());
        RankMetrics cmrc = m.get(sets.get(1).name());
        out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
                settings.chineseSegmentation(), settings.k1(), settings.b(), settings.titleBoost(), settings.wordPairBoost(),
                squad.recallAt1(), squad.recallAt5(), squad.mrrAt10(),
                cmrc.recallAt1(), cmrc.recallAt5(), cmrc.mrrAt10());
        out.flush();
    }

    /** Scores one configuration of the docchat index over the mixed corpus, set by set. */
    private Map<String, RankMetrics> evaluate(LuceneIndexSettings settings) throws IOException {
        Path directory = Files.createTempDirectory("docchat-retrieval-eval");
        try (LucenePassageIndex index = LucenePassageIndex.open(directory, settings)) {
            Map<Long, String> gold = new HashMap<>();
            Map<String, Long> idByPid = new HashMap<>();
            long id = 0;
            List<IndexedPassage> batch = new ArrayList<>();
            for (EvalSet set : sets) {
                for (EvalSet.EvalPassage p : set.passages()) {
                    id++;
                    String key = set.name() + "/" + p.pid();
                    idByPid.put(key, id);
                    gold.put(id, key);
                    batch.add(new IndexedPassage(id, ACCOUNT, id, List.of(set.name()), p.title().replace('_', ' '),
                            p.text()));
                }
            }
            index.add(batch);
            Map<String, RankMetrics> metrics = new HashMap<>();
            for (EvalSet set : sets) {
                RankMetrics m = new RankMetrics();
                for (EvalSet.EvalQuestion q : set.questions()) {
                    Long goldId = idByPid.get(set.name() + "/" + q.pid());
                    List<ScoredPassage> hits =
                            index.search(new SearchRequest(ACCOUNT, q.question(), Set.of(), Set.of(), DEPTH));
                    int rank = 0;
                    for (int i = 0; i < hits.size(); i++) {
                        if (goldId != null && hits.get(i).passageId() == goldId) {
                            rank = i + 1;
                            break;
                        }
                    }
                    m.add(rank);
                }
                metrics.put(set.name(), m);
            }
            return metrics;
        } finally {
            deleteRecursively(directory);
        }
    }

    private Map<String, RankMetrics> evaluateBaseline() throws IOException {
        List<String> texts = new ArrayList<>();
        Map<String, Integer> indexByPid = new HashMap<>();
        for (EvalSet set : sets) {
            for (EvalSet.EvalPassage p : set.passages()) {
                indexByPid.put(set.name() + "/" + p.pid(), texts.size());
                texts.add(p.text());
            }
        }
        Map<String, RankMetrics> metrics = new HashMap<>();
        try (PlainLuceneBaseline baseline = new PlainLuceneBaseline(texts)) {
            for (EvalSet set : sets) {
                RankMetrics m = new RankMetrics();
                for (EvalSet.EvalQuestion q : set.questions()) {
                    Integer gold = indexByPid.get(set.name() + "/" + q.pid());
                    List<Integer> hits = baseline.search(q.question(), DEPTH);
                    m.add(gold == null ? 0 : hits.indexOf(gold) + 1);
                }
                metrics.put(set.name(), m);
            }
        }
        return metrics;
    }

    private void row(String set, String system, RankMetrics m) {
        out.printf(Locale.ROOT, "| %s | %d | %s | %.4f | %.4f | %.4f |%n",
                set, m.questions(), system, m.recallAt1(), m.recallAt5(), m.mrrAt10());
    }

    private static String describe(LuceneIndexSettings s) {
        return String.format(Locale.ROOT, "(%s, BM25 k1=%.2f b=%.2f, title boost %.2f, word-pair boost %.2f)",
                s.chineseSegmentation(), s.k1(), s.b(), s.titleBoost(), s.wordPairBoost());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            if (name.equals("sweep") || name.equals("traditional") || name.equals("segmentations")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return options;
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
