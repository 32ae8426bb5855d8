package io.docchat.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.onnx.BundledModel;
import io.docchat.onnx.OnnxPassageEmbedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Time to embed one short question (tokenizing, the model's query prefix, inference, pooling) with the bundled English
 * model, one question at a time on one calling thread, for several intra-op thread counts in the same run.
 *
 * <p>Each thread count has an embedder of its own; every question is embedded by each in turn, the order rotating
 * from one question to the next, so that a burst of load on a shared machine falls on all of them alike. The first
 * questions are embedded untimed, so that the JIT has compiled the path.
 *
 * <pre>
 * QueryEmbeddingLatency --questions FILE [--sample N] [--warm-up N] [--threads 1,2] [--seed N]
 * </pre>
 */
public final class QueryEmbeddingLatency {
    private QueryEmbeddingLatency() {}

    public static void main(String[] args) throws IOException {
        Path file = null;
        int sample = 400;
        int warmUp = 100;
        long seed = 42;
        int[] threads = {1, 2};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--questions" -> file = Path.of(args[++i]);
                case "--sample" -> sample = Integer.parseInt(args[++i]);
                case "--warm-up" -> warmUp = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threads" -> threads = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> file = null;
            }
        }
        if (file == null) {
            System.err.println("usage: QueryEmbeddingLatency --questions FILE [--sample N] [--warm-up N]"
                    + " [--threads 1,2] [--seed N]");
            System.exit(2);
        }
        List<String> questions = questions(file);
        Collections.shuffle(questions, new Random(seed));
        List<OnnxPassageEmbedder> embedders = new ArrayList<>();
        try {
            for (int count : threads) {
                embedders.add(OnnxPassageEmbedder.of(List.of(BundledModel.BGE_SMALL_EN), count).load());
            }
            double[][] millis = new double[threads.length][sample];
            for (int q = 0; q < warmUp + sample; q++) {
                String question = questions.get(q % questions.size());
                for (int k = 0; k < embedders.size(); k++) {
                    int e = (k + q) % embedders.size();
                    long start = System.nanoTime();
                    embedders.get(e).embedQuery(question);
                    if (q >= warmUp) {
                        millis[e][q - warmUp] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%d questions timed after %d untimed, one at a time%n", sample, warmUp);
            System.out.printf(Locale.ROOT, "%-16s %8s %8s %8s %8s%n", "intra-op threads", "p50 ms", "p90 ms", "p99 ms",
                    "mean ms");
            for (int e = 0; e < threads.length; e++) {
                double[] sorted = millis[e].clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%-16d %8.2f %8.2f %8.2f %8.2f%n", threads[e], quantile(sorted, 0.50),
                        quantile(sorted, 0.90), quantile(sorted, 0.99), Arrays.stream(sorted).average().orElse(0));
            }
        } finally {
            embedders.forEach(OnnxPassageEmbedder::close);
        }
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static List<String> questions(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line).get("question").asText());
                }
            }
        }
        return out;
    }
}
