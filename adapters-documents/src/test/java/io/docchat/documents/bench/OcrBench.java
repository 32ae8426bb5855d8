package io.docchat.documents.bench;

import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import io.docchat.documents.DocumentLimits;
import io.docchat.documents.OcrSettings;
import io.docchat.documents.PdfParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * OCR accuracy and rate on a scanned PDF: the share of the expected words recovered (case-insensitive, punctuation
 * ignored, in order), then pages per minute at 300 dpi, one document at a time and two at once (the engine's default
 * two ingest threads on a 2-core machine), each as the median of several rounds, for the default languages
 * ({@code eng+chi_sim}) and for {@code eng} alone; then one document of four copies of the first page, read with one
 * and with two pages at a time ({@link OcrSettings#threads()}).
 *
 * <p>Usage: {@code OcrBench <scanned.pdf> <expected.txt> [rounds]}.
 */
public final class OcrBench {

    private OcrBench() {}

    public static void main(String[] args) throws Exception {
        Path pdf = Path.of(args[0]);
        String expected = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        byte[] content = Files.readAllBytes(pdf);

        for (String languages : List.of("eng+chi_sim", "eng")) {
            PdfParser parser = new PdfParser(DocumentLimits.defaults(), OcrSettings.defaults().withLanguages(languages));
            ParsedDocument document = parse(parser, pdf, content);
            int pages = document.pages().size();
            String text = document.pages().stream().map(OcrBench::text).collect(Collectors.joining("\n"));
            List<String> want = words(expected);
            List<String> got = words(text);
            System.out.printf(Locale.ROOT, "%s languages %s: %d of %d expected words recovered (%.1f%%), %d words read%n",
                    pdf.getFileName(), languages, lcs(want, got), want.size(), 100.0 * lcs(want, got) / want.size(),
                    got.size());
            System.out.println("  warnings: " + document.warnings());

            long[] single = new long[rounds];
            long[] pair = new long[rounds];
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < rounds; round++) {
                    long start = System.nanoTime();
                    parse(parser, pdf, content);
                    single[round] = System.nanoTime() - start;
                    start = System.nanoTime();
                    List<Future<ParsedDocument>> both = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        both.add(two.submit(() -> parse(parser, pdf, content)));
                    }
                    for (Future<ParsedDocument> f : both) {
                        f.get();
                    }
                    pair[round] = System.nanoTime() - start;
                }
            } finally {
                two.shutdown();
            }
            double singleSeconds = median(single) / 1e9;
            double pairSeconds = median(pair) / 1e9;
            System.out.printf(Locale.ROOT, "  one document at a time: median %.2f s per %d page(s) = %.1f pages/min%n",
                    singleSeconds, pages, 60.0 * pages / singleSeconds);
            System.out.printf(Locale.ROOT, "  two documents at once:  median %.2f s per %d page(s) = %.1f pages/min%n",
                    pairSeconds, 2 * pages, 60.0 * 2 * pages / pairSeconds);
        }

        byte[] fourPages = copies(content, 4);
        for (int threads : new int[] {1, 2}) {
            PdfParser parser = new PdfParser(DocumentLimits.defaults(), OcrSettings.defaults().withThreads(threads));
            long[] nanos = new long[rounds];
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                ParsedDocument document = parse(parser, pdf, fourPages);
                nanos[round] = System.nanoTime() - start;
                if (document.pages().stream().anyMatch(page -> page.blocks().isEmpty())) {
                    throw new IllegalStateException("a page was not read: " + document.warnings());
                }
            }
            double seconds = median(nanos) / 1e9;
            System.out.printf(Locale.ROOT, "4-page document, ocr.threads=%d: median %.2f s = %.1f pages/min%n",
                    threads, seconds, 60.0 * 4 / seconds);
        }
    }

    /** A PDF holding the first page of the given one this many times. */
    private static byte[] copies(byte[] content, int count) throws IOException {
        try (PDDocument source = Loader.loadPDF(content); PDDocument target = new PDDocument()) {
            for (int i = 0; i < count; i++) {
                target.importPage(source.getPage(0));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.save(out);
            return out.toByteArray();
        }
    }

    private static ParsedDocument parse(PdfParser parser, Path pdf, byte[] content) {
        ParseResult result = parser.parse(pdf.getFileName().toString(), content);
        if (result instanceof ParseResult.Failure failure) {
            throw new IllegalStateException(failure.kind() + ": " + failure.message());
        }
        return ((ParseResult.Success) result).document();
    }

    private static String text(Page page) {
        return page.blocks().stream().map(TextBlock::text).collect(Collectors.joining("\n"));
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
