package io.docchat.documents.bench;

import io.docchat.core.port.ParseResult;
import io.docchat.documents.DocumentLimits;
import io.docchat.documents.OcrSettings;
import io.docchat.documents.PdfParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Compares, side by side in one JVM, parsing a PDF with {@link PdfParser} (reading order, line boxes, blocks) with a
 * bare PDFBox {@link PDFTextStripper} pass over the same bytes. Both load the document from memory each round. Rounds
 * alternate between the two so that machine noise hits both alike; medians are reported.
 *
 * <p>Usage: {@code PdfSpeed <pdf> [rounds]}, for example {@code ../shared/eval/documents/pdf/pdfjs-freeculture.pdf}.
 */
public final class PdfSpeed {

    private PdfSpeed() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] content = Files.readAllBytes(file);
        // The text-layer path only: OCR of scanned pages (two in the book) has its own figures (OcrBench).
        PdfParser parser = new PdfParser(DocumentLimits.defaults(), OcrSettings.disabled());

        // One untimed round each lets the JIT compile both paths.
        long chars = parserPass(parser, file, content);
        long strippedChars = stripperPass(content);
        System.out.printf("file %s, %d bytes; parser text %d chars, stripper text %d chars%n",
                file.getFileName(), content.length, chars, strippedChars);

        long[] parserNanos = new long[rounds];
        long[] stripperNanos = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            stripperPass(content);
            stripperNanos[round] = System.nanoTime() - start;
            start = System.nanoTime();
            parserPass(parser, file, content);
            parserNanos[round] = System.nanoTime() - start;
            System.out.printf("round %d: stripper %d ms, parser with boxes %d ms%n", round + 1,
                    stripperNanos[round] / 1_000_000, parserNanos[round] / 1_000_000);
        }
        long parserMedian = median(parserNanos);
        long stripperMedian = median(stripperNanos);
        System.out.printf("median: stripper %d ms, parser with boxes %d ms, ratio %.2f%n",
                stripperMedian / 1_000_000, parserMedian / 1_000_000, (double) parserMedian / stripperMedian);
    }

    private static long parserPass(PdfParser parser, Path file, byte[] content) {
        ParseResult result = parser.parse(file.getFileName().toString(), content);
        if (!(result instanceof ParseResult.Success success)) {
            throw new IllegalStateException("parse failed: " + result);
        }
        return success.document().pages().stream().flatMap(p -> p.blocks().stream())
                .mapToLong(b -> b.text().length()).sum();
    }

    private static long stripperPass(byte[] content) throws IOException {
        try (PDDocument document = Loader.loadPDF(content)) {
            return new PDFTextStripper().getText(document).length();
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
