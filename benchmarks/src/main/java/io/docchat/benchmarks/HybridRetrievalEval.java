package io.docchat.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.port.Embedding;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.core.port.PassageEmbedder;
import io.docchat.core.ranking.FusedHit;
import io.docchat.core.ranking.RankFusion;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.onnx.OnnxPassageEmbedder;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Retrieval quality of word, meaning and fused rankings, all in one run on the same index, so they compare as ratios.
 *
 * <p>Each set (or, with {@code --mixed}, all sets together) goes into one Lucene index with the vectors of the
 * bundled ONNX models; every answerable question is then ranked by BM25 alone, by vector similarity alone and by
 * each fusion, and scored by the rank of its gold passage (R@k, MRR@10) and by nDCG@10 over all its relevant
 * passages ({@code all_relevant}, as BEIR scores SciFact). Passages are indexed as {@code docchat eval qa} ingests
 * them: the text alone, without the title. Latencies are per question, single thread, query embedding included.
 *
 * <p>{@code --scale N} then times searches at N passages: the real passages and vectors are repeated, each copy's
 * vector nudged by a little Gaussian noise, to reach N (embedding 100,000 real passages takes hours on 2 cores).
 *
 * <pre>
 * HybridRetrievalEval --set NAME=DIR [--set NAME=DIR ...] [--mixed] [--sample N] [--depth N] [--scale N]
 *                     [--cache DIR]
 * </pre>
 * Vectors are cached in {@code --cache} (default {@code target/vector-cache}) by set and model, so a second run
 * embeds nothing.
 */
public final class HybridRetrievalEval {
    private static final String ACCOUNT = "eval";
    private static final int TOP = 10;
    private static final int WARM_UP = 200;

    record Passage(String pid, String text) {}

    record Question(String question, String pid, Set<String> relevant) {}

    record EvalSet(String name, List<Passage> passages, List<Question> questions) {}

    /** One way of ranking, with its running totals. */
    private static final class Ranker {
        final String name;
        final Function<Query, List<Long>> rank;
        double recall1;
        double recall5;
        double recall10;
        double mrr;
        double ndcg;
        int questions;
        final List<Long> nanos = new ArrayList<>();

        Ranker(String name, Function<Query, List<Long>> rank) {
            this.name = name;
            this.rank = rank;
        }
    }

    /**
     * A question as the rankers see it: its text, its embedding, the scope, and (with {@code --tune}) both
     * rankings to {@link #TUNE_DEPTH} candidates, which every fusion variant cuts to its own depth.
     */
    record Query(String text, List<Embedding> vectors, long embedNanos, Set<String> folders,
            List<ScoredPassage> lexical, List<ScoredPassage> semantic) {}

    /** A fusion variant under trial: from both candidate lists (and the index, for filling in), a ranking. */
    interface Variant {
        List<Long> rank(Query query, List<ScoredPassage> lexical, List<ScoredPassage> semantic);
    }

    private static final int TUNE_DEPTH = 200;

    private final PassageEmbedder embedder;
    private final Path cache;
    private final int depth;
    private final boolean tune;
    private final boolean cacheQueries;
    private final PrintStream out = System.out;
    /** Every indexed passage's vector, by passage id: the exact cosine of a candidate vector search missed. */
    private final Map<Long, Embedding> vectorById = new HashMap<>();

    private HybridRetrievalEval(PassageEmbedder embedder, Path cache, int depth, boolean tune, boolean cacheQueries) {
        this.embedder = embedder;
        this.cache = cache;
        this.depth = depth;
        this.tune = tune;
        this.cacheQueries = cacheQueries;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> sets = new LinkedHashMap<>();
        boolean mixed = false;
        int sample = 0;
        int depth = 100;
        int scale = 0;
        boolean tune = false;
        boolean cacheQueries = false;
        Path cache = Path.of("target/vector-cache");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> {
                    String[] kv = args[++i].split("=", 2);
                    sets.put(kv[0], kv[1]);
                }
                case "--mixed" -> mixed = true;
                case "--sample" -> sample = Integer.parseInt(args[++i]);
                case "--depth" -> depth = Integer.parseInt(args[++i]);
                case "--scale" -> scale = Integer.parseInt(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--tune" -> tune = true;
                case "--cache-queries" -> cacheQueries = true;
                default -> {
                    System.err.println("usage: HybridRetrievalEval --set NAME=DIR ... [--mixed] [--sample N]"
                            + " [--depth N] [--scale N] [--cache DIR] [--cache-queries] [--tune]");
                    System.exit(2);
                }
            }
        }
        try (OnnxPassageEmbedder embedder = OnnxPassageEmbedder.bilingual()) {
            HybridRetrievalEval eval = new HybridRetrievalEval(embedder, cache, depth, tune, cacheQueries);
            List<EvalSet> loaded = new ArrayList<>();
            for (Map.Entry<String, String> set : sets.entrySet()) {
                loaded.add(read(set.getKey(), Path.of(set.getValue()), sample));
            }
            if (mixed) {
                eval.evaluate(loaded, scale);
            } else {
                for (EvalSet set : loaded) {
                    eval.evaluate(List.of(set), scale);
                }
            }
        }
    }

    private void evaluate(List<EvalSet> sets, int scale) throws IOException {
        String label = String.join("+", sets.stream().map(EvalSet::name).toList());
        try (LucenePassageIndex index = LucenePassageIndex.inMemory()) {
            Map<Long, String> pidById = new HashMap<>();
            List<IndexedPassage> all = new ArrayList<>();
            long id = 0;
            for (EvalSet set : sets) {
                List<Embedding> vectors = vectors(set);
                for (int i = 0; i < set.passages().size(); i++) {
                    Passage p = set.passages().get(i);
                    id++;
                    pidById.put(id, set.name() + ":" + p.pid());
                    all.add(new IndexedPassage(id, ACCOUNT, id, List.of(set.name()), "", p.text(), vectors.get(i)));
                    vectorById.put(id, vectors.get(i));
                }
            }
            index.add(all);
            int total = all.size();
            if (scale > total) {
                index.add(copies(all, scale));
                total = scale;
            }
            index.commit();
            out.printf(Locale.ROOT, "%n== %s: %d passages in one index (%s), candidates per ranking %d%n", label,
                    total, scale > all.size() ? "real ones repeated with nudged vectors" : "real", depth);

            List<Ranker> rankers = scale > 0 ? scaleRankers(index) : rankers(index, pidById);
            for (EvalSet set : sets) {
                for (Ranker r : rankers) {
                    r.recall1 = r.recall5 = r.recall10 = r.mrr = r.ndcg = 0;
                    r.questions = 0;
                    r.nanos.clear();
                }
                List<List<Embedding>> cached = cacheQueries ? readQueryVectors(queryCacheFile(set)) : null;
                List<List<Embedding>> seen = new ArrayList<>();
                List<Long> embedding = new ArrayList<>();
                if (cached != null) {
                    out.printf(Locale.ROOT, "(query vectors from the cache: latencies exclude query embedding)%n");
                }
                if (scale > 0) {
                    warmUp(set, rankers);
                }
                int n = 0;
                for (Question q : set.questions()) {
                    long start = System.nanoTime();
                    List<Embedding> vectors = cached != null ? cached.get(n++) : embedder.embedQuery(q.question());
                    long embedNanos = System.nanoTime() - start;
                    seen.add(vectors);
                    embedding.add(embedNanos);
                    Query query = new Query(q.question(), vectors, cached != null ? 0 : embedNanos, Set.of(),
                            List.of(), List.of());
                    if (tune) {
                        SearchRequest deep = request(query, TUNE_DEPTH);
                        query = new Query(query.text(), vectors, query.embedNanos(), Set.of(), index.search(deep),
                                index.nearest(deep, vectors));
                    }
                    for (Ranker r : rankers) {
                        long t = System.nanoTime();
                        List<Long> ranked = r.rank.apply(query);
                        r.nanos.add(System.nanoTime() - t + (r.name.equals("bm25") ? 0 : embedNanos));
                        score(r, ranked, set.name(), q, pidById);
                    }
                }
                print(set, rankers);
                if (cached == null) {
                    long[] sorted = embedding.stream().mapToLong(Long::longValue).sorted().toArray();
                    out.printf(Locale.ROOT, "  query embedding alone (in every ranking but bm25): p50 %.2f ms, "
                            + "p99 %.2f ms%n", percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6);
                }
                if (cacheQueries && cached == null) {
                    writeQueryVectors(queryCacheFile(set), seen);
                }
            }
        }
    }

    /** Compiles the search paths before timing, so the slowest percent is not the JIT's first calls. */
    private void warmUp(EvalSet set, List<Ranker> rankers) {
        for (Question q : set.questions().subList(0, Math.min(WARM_UP, set.questions().size()))) {
            Query query = new Query(q.question(), embedder.embedQuery(q.question()), 0, Set.of(), List.of(),
                    List.of());
            rankers.forEach(r -> r.rank.apply(query));
        }
    }

    private List<Ranker> rankers(LucenePassageIndex index, Map<Long, String> pidById) {
        List<Ranker> rankers = new ArrayList<>();
        rankers.add(new Ranker("bm25", q -> ids(index.search(request(q, TOP)))));
        rankers.add(new Ranker("vectors", q -> ids(index.nearest(request(q, TOP), q.vectors()))));
        if (tune) {
            RankFusion defaults = RankFusion.defaults();
            rankers.add(new Ranker("default", q -> fused(index, q, defaults)));
            for (int d : new int[] {20, 50, 100, 200}) {
                for (float w : new float[] {0.5f, 0.6f, 0.7f, 0.8f}) {
                    RankFusion fusion = new RankFusion(RankFusion.Method.NORMALISED_SCORE, w, 60);
                    rankers.add(variant(String.format(Locale.ROOT, "norm %.1f d%d", w, d), d,
                            (q, lexical, semantic) -> hits(fusion.fuse(lexical, semantic, TOP))));
                }
            }
            for (float w : new float[] {0.5f, 0.6f, 0.7f, 0.8f}) {
                rankers.add(variant(String.format(Locale.ROOT, "minmax %.1f", w), depth,
                        (q, lexical, semantic) -> minMax(lexical, semantic, w)));
                rankers.add(variant(String.format(Locale.ROOT, "fill %.1f", w), depth,
                        (q, lexical, semantic) -> filled(q, lexical, semantic, w)));
            }
            return rankers;
        }
        for (float w : new float[] {0.3f, 0.4f, 0.5f, 0.6f, 0.7f}) {
            RankFusion rrf = new RankFusion(RankFusion.Method.RECIPROCAL_RANK, w, 60);
            rankers.add(new Ranker(String.format(Locale.ROOT, "rrf w=%.1f", w), q -> fused(index, q, rrf)));
        }
        for (float w : new float[] {0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f}) {
            RankFusion normalised = new RankFusion(RankFusion.Method.NORMALISED_SCORE, w, 60);
            rankers.add(new Ranker(String.format(Locale.ROOT, "norm w=%.1f", w), q -> fused(index, q, normalised)));
        }
        return rankers;
    }

    /**
     * At scale only the rankings a user chooses between: words, meaning, and the default fusion at 50, 100 (the
     * default) and 200 candidates per ranking, each searching afresh (its time is its own two searches plus the query's embedding).
     */
    private List<Ranker> scaleRankers(LucenePassageIndex index) {
        List<Ranker> rankers = new ArrayList<>();
        rankers.add(new Ranker("bm25", q -> ids(index.search(request(q, TOP)))));
        rankers.add(new Ranker("vectors", q -> ids(index.nearest(request(q, TOP), q.vectors()))));
        RankFusion defaults = RankFusion.defaults();
        for (int d : new int[] {50, 100, 200}) {
            rankers.add(new Ranker(String.format(Locale.ROOT, "default d%d", d), q -> fused(index, q, defaults, d)));
        }
        return rankers;
    }

    /** A fusion variant over the query's shared candidate lists, cut to {@code cut} each. */
    private static Ranker variant(String name, int cut, Variant variant) {
        return new Ranker(name, q -> variant.rank(q, head(q.lexical(), cut), head(q.semantic(), cut)));
    }

    private static List<ScoredPassage> head(List<ScoredPassage> list, int n) {
        return list.size() > n ? list.subList(0, n) : list;
    }

    private static List<Long> hits(List<FusedHit> fused) {
        return fused.stream().map(FusedHit::passageId).toList();
    }

    /** Both lists rescaled between their worst and best, so a passage missing from a list scores as its worst. */
    private static List<Long> minMax(List<ScoredPassage> lexical, List<ScoredPassage> semantic, float w) {
        Map<Long, Double> fused = new HashMap<>();
        addRescaled(fused, lexical, w);
        addRescaled(fused, semantic, 1 - w);
        return best(fused);
    }

    private static void addRescaled(Map<Long, Double> fused, List<ScoredPassage> list, double weight) {
        if (list.isEmpty()) {
            return;
        }
        double max = list.get(0).score();
        double min = list.get(list.size() - 1).score();
        double range = max - min;
        for (ScoredPassage hit : list) {
            fused.merge(hit.passageId(), weight * (range > 0 ? (hit.score() - min) / range : 1), Double::sum);
        }
    }

    /**
     * Every candidate of either list scored on both sides: BM25 from the deep word list (0 beyond it), the exact
     * cosine from the passage's vector even where vector search did not return it.
     */
    private List<Long> filled(Query q, List<ScoredPassage> lexical, List<ScoredPassage> semantic, float w) {
        Map<Long, Float> bm25 = new HashMap<>();
        for (ScoredPassage hit : q.lexical()) {
            bm25.put(hit.passageId(), hit.score());
        }
        float maxLexical = lexical.isEmpty() ? 0 : lexical.get(0).score();
        float maxSemantic = semantic.isEmpty() ? 0 : semantic.get(0).score();
        float minSemantic = semantic.isEmpty() ? 0 : semantic.get(semantic.size() - 1).score();
        float range = maxSemantic - minSemantic;
        java.util.Set<Long> union = new java.util.HashSet<>();
        lexical.forEach(hit -> union.add(hit.passageId()));
        semantic.forEach(hit -> union.add(hit.passageId()));
        Map<Long, Double> fused = new HashMap<>();
        for (long id : union) {
            double words = maxLexical > 0 ? bm25.getOrDefault(id, 0f) / maxLexical : 0;
            double meaning = range > 0 ? (cosine(q.vectors(), id) - minSemantic) / range : 0;
            fused.put(id, w * words + (1 - w) * meaning);
        }
        return best(fused);
    }

    private float cosine(List<Embedding> query, long id) {
        Embedding passage = vectorById.get(id);
        float best = -1;
        for (Embedding e : query) {
            if (passage != null && e.space().equals(passage.space())) {
                best = Math.max(best, e.dot(passage.vector()));
            }
        }
        return best;
    }

    private static List<Long> best(Map<Long, Double> fused) {
        return fused.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(Map.Entry::getKey).toList();
    }

    private List<Long> fused(LucenePassageIndex index, Query q, RankFusion fusion) {
        return fused(index, q, fusion, depth);
    }

    private static List<Long> fused(LucenePassageIndex index, Query q, RankFusion fusion, int depth) {
        SearchRequest request = request(q, depth);
        List<ScoredPassage> lexical = index.search(request);
        List<ScoredPassage> semantic = index.nearest(request, q.vectors());
        return fusion.fuse(lexical, semantic, TOP).stream().map(FusedHit::passageId).toList();
    }

    private static SearchRequest request(Query q, int limit) {
        return new SearchRequest(ACCOUNT, q.text(), q.folders(), Set.of(), limit);
    }

    private static List<Long> ids(List<ScoredPassage> hits) {
        return hits.stream().map(ScoredPassage::passageId).toList();
    }

    private static void score(Ranker r, List<Long> ranked, String set, Question q, Map<Long, String> pidById) {
        r.questions++;
        String gold = set + ":" + q.pid();
        double dcg = 0;
        for (int rank = 0; rank < Math.min(TOP, ranked.size()); rank++) {
            String pid = pidById.get(ranked.get(rank));
            if (pid == null) {
                continue;
            }
            if (pid.equals(gold)) {
                if (rank == 0) {
                    r.recall1++;
                }
                if (rank < 5) {
                    r.recall5++;
                }
                r.recall10++;
                r.mrr += 1.0 / (rank + 1);
            }
            if (pid.startsWith(set + ":") && q.relevant().contains(pid.substring(set.length() + 1))) {
                dcg += 1 / log2(rank + 2);
            }
        }
        double ideal = 0;
        for (int rank = 0; rank < Math.min(TOP, q.relevant().size()); rank++) {
            ideal += 1 / log2(rank + 2);
        }
        r.ndcg += ideal == 0 ? 0 : dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private void print(EvalSet set, List<Ranker> rankers) {
        out.printf(Locale.ROOT, "%s: %d questions%n", set.name(), set.questions().size());
        out.printf(Locale.ROOT, "  %-12s %6s %6s %6s %7s %8s %8s %8s%n", "ranking", "R@1", "R@5", "R@10", "MRR@10",
                "nDCG@10", "p50 ms", "p99 ms");
        for (Ranker r : rankers) {
            double n = Math.max(1, r.questions);
            long[] sorted = r.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            out.printf(Locale.ROOT, "  %-12s %6.3f %6.3f %6.3f %7.3f %8.3f %8.2f %8.2f%n", r.name, r.recall1 / n,
                    r.recall5 / n, r.recall10 / n, r.mrr / n, r.ndcg / n, percentile(sorted, 50) / 1e6,
                    percentile(sorted, 99) / 1e6);
        }
        out.flush();
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Copies of the passages up to {@code target} in all, each copy's vector nudged so that HNSW sees N points. */
    private static List<IndexedPassage> copies(List<IndexedPassage> real, int target) {
        Random random = new Random(7);
        List<IndexedPassage> out = new ArrayList<>(target - real.size());
        long id = real.size();
        while (real.size() + out.size() < target) {
            IndexedPassage p = real.get(out.size() % real.size());
            float[] v = Arrays.copyOf(p.vector().vector(), p.vector().vector().length);
            for (int d = 0; d < v.length; d++) {
                v[d] += (float) random.nextGaussian() * 0.02f;
            }
            id++;
            out.add(new IndexedPassage(id, ACCOUNT, id, List.of("copies"), "", p.text(),
                    new Embedding(p.vector().space(), Embedding.normalize(v))));
        }
        return out;
    }

    /** The set's passage vectors, from the cache when this model embedded them before. */
    private List<Embedding> vectors(EvalSet set) throws IOException {
        String key = set.name() + "-" + Integer.toHexString(embedder.modelId().hashCode()) + "-"
                + set.passages().size() + ".vec";
        Path file = cache.resolve(key);
        if (Files.isRegularFile(file)) {
            return readVectors(file);
        }
        List<String> texts = set.passages().stream().map(Passage::text).toList();
        long start = System.nanoTime();
        List<Embedding> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += 256) {
            vectors.addAll(embedder.embedPassages(texts.subList(from, Math.min(texts.size(), from + 256))));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "embedded %d passages of %s in %.1f s: %.1f passages/s%n", texts.size(), set.name(),
                seconds, texts.size() / seconds);
        Files.createDirectories(cache);
        writeVectors(file, vectors);
        return vectors;
    }

    private static void writeVectors(Path file, List<Embedding> vectors) throws IOException {
        try (DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            data.writeInt(vectors.size());
            for (Embedding e : vectors) {
                data.writeUTF(e.space());
                data.writeInt(e.vector().length);
                for (float f : e.vector()) {
                    data.writeFloat(f);
                }
            }
        }
    }

    private Path queryCacheFile(EvalSet set) {
        return cache.resolve(set.name() + "-" + Integer.toHexString(embedder.modelId().hashCode()) + "-"
                + set.questions().size() + ".queries");
    }

    /** Each question's vectors (one per model of its languages), or null when they were never cached. */
    private static List<List<Embedding>> readQueryVectors(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int n = data.readInt();
            List<List<Embedding>> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int k = data.readInt();
                List<Embedding> vectors = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    String space = data.readUTF();
                    float[] v = new float[data.readInt()];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = data.readFloat();
                    }
                    vectors.add(new Embedding(space, v));
                }
                out.add(vectors);
            }
            return out;
        }
    }

    private static void writeQueryVectors(Path file, List<List<Embedding>> queries) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            data.writeInt(queries.size());
            for (List<Embedding> vectors : queries) {
                data.writeInt(vectors.size());
                for (Embedding e : vectors) {
                    data.writeUTF(e.space());
                    data.writeInt(e.vector().length);
                    for (float f : e.vector()) {
                        data.writeFloat(f);
                    }
                }
            }
        }
    }

    private static List<Embedding> readVectors(Path file) throws IOException {
        try (DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int n = data.readInt();
            List<Embedding> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String space = data.readUTF();
                float[] v = new float[data.readInt()];
                for (int d = 0; d < v.length; d++) {
                    v[d] = data.readFloat();
                }
                out.add(new Embedding(space, v));
            }
            return out;
        }
    }

    private static EvalSet read(String name, Path directory, int sample) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Passage> passages = new ArrayList<>();
        for (JsonNode node : lines(json, directory.resolve("passages.jsonl"))) {
            passages.add(new Passage(node.get("pid").asText(), node.get("text").asText()));
        }
        List<Question> questions = new ArrayList<>();
        for (JsonNode node : lines(json, directory.resolve("questions.jsonl"))) {
            if (node.path("is_impossible").asBoolean(false)) {
                continue;
            }
            Set<String> relevant = new java.util.HashSet<>();
            node.path("all_relevant").forEach(r -> relevant.add(r.asText()));
            relevant.add(node.get("pid").asText());
            questions.add(new Question(node.get("question").asText(), node.get("pid").asText(), relevant));
        }
        if (sample > 0 && sample < questions.size()) {
            java.util.Collections.shuffle(questions, new Random(42));
            questions = new ArrayList<>(questions.subList(0, sample));
        }
        return new EvalSet(name, passages, questions);
    }

    private static List<JsonNode> lines(ObjectMapper json, Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    nodes.add(json.readTree(line));
                }
            }
        }
        return nodes;
    }
}
