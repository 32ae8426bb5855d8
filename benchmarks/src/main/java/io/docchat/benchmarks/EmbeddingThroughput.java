package io.docchat.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.text.analysis.WordCount;
import io.docchat.onnx.BundledModel;
import io.docchat.onnx.OnnxPassageEmbedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Passages embedded per second by the bundled ONNX models, on the first passages of evaluation sets, the way the
 * background embedder calls them (16 passages per call).
 *
 * <p>Prints, per set and round, passages/s, words/s and the process's CPU use in cores over the timed part, so a
 * slow figure on a shared machine can be told apart from a slow embedder. The models are loaded and warmed up before
 * timing.
 *
 * <pre>
 * EmbeddingThroughput --set NAME=DIR [--set NAME=DIR ...] [--passages N] [--rounds N] [--threads N]
 * </pre>
 */
public final class EmbeddingThroughput {
    private static final int CALL = 16;

    private EmbeddingThroughput() {}

    public static void main(String[] args) throws IOException {
        Map<String, Path> sets = new LinkedHashMap<>();
        int passages = 128;
        int rounds = 1;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> {
                    String[] kv = args[++i].split("=", 2);
                    sets.put(kv[0], Path.of(kv[1]));
                }
                case "--passages" -> passages = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: EmbeddingThroughput --set NAME=DIR ... [--passages N] [--rounds N]"
                            + " [--threads N]");
                    System.exit(2);
                }
            }
        }
        Map<String, List<String>> texts = new LinkedHashMap<>();
        for (Map.Entry<String, Path> set : sets.entrySet()) {
            texts.put(set.getKey(), firstPassages(set.getValue().resolve("passages.jsonl"), passages));
        }
        try (OnnxPassageEmbedder embedder = OnnxPassageEmbedder.of(
                List.of(BundledModel.BGE_SMALL_EN, BundledModel.BGE_SMALL_ZH),
                threads).load()) {
            for (List<String> warm : texts.values()) {
                embedder.embedPassages(warm.subList(0, Math.min(CALL, warm.size())));
            }
            System.out.printf(Locale.ROOT, "%-14s %5s %8s %10s %8s %9s%n", "set", "round", "passages", "passages/s",
                    "words/s", "cpu cores");
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, List<String>> set : texts.entrySet()) {
                    List<String> list = set.getValue();
                    long cpuBefore = processCpuNanos();
                    long start = System.nanoTime();
                    for (int from = 0; from < list.size(); from += CALL) {
                        embedder.embedPassages(list.subList(from, Math.min(list.size(), from + CALL)));
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cores = (processCpuNanos() - cpuBefore) / 1e9 / seconds;
                    System.out.printf(Locale.ROOT, "%-14s %5d %8d %10.1f %8.0f %9.2f%n", set.getKey(), round,
                            list.size(), list.size() / seconds, words(list) / seconds, cores);
                }
            }
        }
    }

    /** Words as a reader counts them; Chinese, which has no spaces, counts each character. */
    private static long words(List<String> texts) {
        return texts.stream().mapToLong(text -> WordCount.of(text).total()).sum();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<String> firstPassages(Path file, int n) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>(n);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (out.size() < n && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line).get("text").asText());
                }
            }
        }
        return out;
    }
}
