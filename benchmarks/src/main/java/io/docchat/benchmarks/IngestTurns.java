package io.docchat.benchmarks;

import static io.docchat.benchmarks.Medians.median;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link IngestionBenchmark}'s three passes (a bare PDFBox text pass, docchat's parse, docchat's full ingest into a
 * fresh embedded knowledge base) taking turns in one JVM, timed by the wall clock: JMH runs each benchmark's shots
 * one after another, so on a shared machine whose load drifts the drift lands on one pass and not the others; in
 * turns it lands on all three alike. Reports each pass's median and the median of the rounds' own ratios. The engine
 * is opened before the clock starts and closed after it stops, as in the JMH benchmark.
 *
 * <p>Usage: {@code java -cp benchmarks.jar -Ddocchat.bench.pdf=PDF io.docchat.benchmarks.IngestTurns [ROUNDS]};
 * three more rounds warm up first.
 */
public final class IngestTurns {
    private static final int WARM_UP = 3;

    private IngestTurns() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        IngestionBenchmark passes = new IngestionBenchmark();
        passes.load();
        List<Long> bare = new ArrayList<>();
        List<Long> parse = new ArrayList<>();
        List<Long> ingest = new ArrayList<>();
        List<Double> parseRatios = new ArrayList<>();
        List<Double> ingestRatios = new ArrayList<>();
        for (int round = 0; round < WARM_UP + rounds; round++) {
            long started = System.nanoTime();
            passes.barePdfBoxText();
            long bareMillis = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            passes.docchatParse();
            long parseMillis = (System.nanoTime() - started) / 1_000_000;
            passes.openEngine();
            long ingestMillis;
            try {
                started = System.nanoTime();
                passes.docchatIngest();
                ingestMillis = (System.nanoTime() - started) / 1_000_000;
            } finally {
                passes.closeEngine();
            }
            if (round >= WARM_UP) {
                bare.add(bareMillis);
                parse.add(parseMillis);
                ingest.add(ingestMillis);
                parseRatios.add((double) parseMillis / bareMillis);
                ingestRatios.add((double) ingestMillis / bareMillis);
                System.out.printf(Locale.ROOT, "round %2d: bare %5d ms, parse %5d ms (%.2fx), ingest %5d ms (%.2fx)%n",
                        round - WARM_UP + 1, bareMillis, parseMillis, (double) parseMillis / bareMillis, ingestMillis,
                        (double) ingestMillis / bareMillis);
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d rounds after %d of warm-up, medians: bare PDFBox %d ms, docchat parse %d ms,"
                        + " full ingest %d ms; median of the rounds' ratios: parse %.2fx, full ingest %.2fx%n",
                IngestionBenchmark.pdfPath(), rounds, WARM_UP, median(bare), median(parse), median(ingest),
                median(parseRatios), median(ingestRatios));
    }
}
