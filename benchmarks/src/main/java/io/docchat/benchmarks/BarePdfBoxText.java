package io.docchat.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The whole-process baseline of {@code scripts/ingest-ratio.sh}: a JVM that reads a PDF's text with PDFBox's own
 * stripper and nothing else, as {@link IngestionBenchmark#barePdfBoxText} does in process.
 */
public final class BarePdfBoxText {
    private BarePdfBoxText() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BarePdfBoxText FILE.pdf");
            System.exit(2);
        }
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(Path.of(args[0])))) {
            System.out.println(new PDFTextStripper().getText(document).length() + " characters");
        }
    }
}
