package io.docchat.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks (all, or those whose names match the arguments) and prints a Markdown report: every score, then
 * the ratios that matter (docchat against the plain baseline measured in the same run).
 */
public final class BenchmarkMain {
    private BenchmarkMain() {}

    public static void main(String[] args) throws RunnerException, IOException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .jvmArgsAppend("-D" + IngestionBenchmark.PDF_PROPERTY + "=" + IngestionBenchmark.pdfPath().toAbsolutePath())
                .shouldFailOnError(true);
        if (args.length == 0) {
            options.include("io\\.docchat\\.benchmarks\\..*");
        }
        for (String pattern : args) {
            options.include(pattern);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, RunResult> byName = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            byName.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), result);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("| benchmark | score | ± error | unit |");
        out.println("|---|---:|---:|---|");
        byName.forEach((name, result) -> out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %s |%n", name,
                result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError(),
                result.getPrimaryResult().getScoreUnit()));
        out.println();
        for (String ratio : ratios(byName)) {
            out.println("- " + ratio);
        }
    }

    private static double score(Map<String, RunResult> results, String name) {
        RunResult result = results.get(name);
        return result == null ? Double.NaN : result.getPrimaryResult().getScore();
    }

    private static List<String> ratios(Map<String, RunResult> r) throws IOException {
        List<String> lines = new ArrayList<>();
        double bare = score(r, "IngestionBenchmark.barePdfBoxText");
        double parse = score(r, "IngestionBenchmark.docchatParse");
        double ingest = score(r, "IngestionBenchmark.docchatIngest");
        if (!Double.isNaN(bare)) {
            int pages = IngestionBenchmark.pageCount();
            lines.add(String.format(Locale.ROOT,
                    "ingestion of %d pages: bare PDFBox text %.1f pages/s; docchat parse %.1f pages/s (%.2f× the bare pass's time);"
                            + " full ingest %.1f pages/s (%.2f×)",
                    pages, pages / (bare / 1000), pages / (parse / 1000), parse / bare, pages / (ingest / 1000), ingest / bare));
        }
        double docchat = score(r, "RetrievalBenchmark.docchatIndex");
        double scoped = score(r, "RetrievalBenchmark.docchatIndexScoped");
        double plain = score(r, "RetrievalBenchmark.plainLucene");
        if (!Double.isNaN(plain)) {
            lines.add(String.format(Locale.ROOT,
                    "retrieval at 100,000 passages: docchat %.0f µs, scoped to a folder %.0f µs, plain Lucene %.0f µs"
                            + " (docchat / plain = %.2f×)", docchat, scoped, plain, docchat / plain));
        }
        double first = score(r, "ChatBenchmark.requestToFirstEvent");
        double last = score(r, "ChatBenchmark.requestToLastEvent");
        double retrieval = score(r, "ChatBenchmark.retrievalOnly");
        if (!Double.isNaN(last)) {
            lines.add(String.format(Locale.ROOT,
                    "chat with the extractive model: first event %.0f µs, last event %.0f µs, retrieval alone %.0f µs"
                            + " (answer / retrieval = %.2f×)", first, last, retrieval, last / retrieval));
        }
        double firstPage = score(r, "HistoryPagingBenchmark.firstPage");
        double lastPage = score(r, "HistoryPagingBenchmark.lastPage");
        if (!Double.isNaN(firstPage)) {
            lines.add(String.format(Locale.ROOT,
                    "history paging over 10,000 items: first page %.0f µs, last page %.0f µs (last / first = %.2f×)",
                    firstPage, lastPage, lastPage / firstPage));
        }
        return lines;
    }
}
