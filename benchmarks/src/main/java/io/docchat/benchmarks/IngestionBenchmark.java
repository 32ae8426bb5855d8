package io.docchat.benchmarks;

import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseResult;
import io.docchat.documents.DocumentLimits;
import io.docchat.documents.DocumentParsers;
import io.docchat.documents.OcrSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingestion of one PDF (system property {@code docchat.bench.pdf}): a bare PDFBox text pass, docchat's parser (text
 * with line boxes and blocks), and a full ingest into the embedded stores (parse, chunk, SQLite, Lucene).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class IngestionBenchmark {
    static final String PDF_PROPERTY = "docchat.bench.pdf";
    static final String DEFAULT_PDF = "../shared/eval/documents/pdf/pdfjs-freeculture.pdf";

    private byte[] pdf;
    private DocumentParser parser;
    private Embedded engine;
    private DocChat docChat;

    static Path pdfPath() {
        return Path.of(System.getProperty(PDF_PROPERTY, DEFAULT_PDF));
    }

    static int pageCount() throws IOException {
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdfPath()))) {
            return document.getNumberOfPages();
        }
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        pdf = Files.readAllBytes(pdfPath());
        // The text-layer path only: OCR of the book's two scanned pages would dwarf it and has its own figures.
        parser = DocumentParsers.all(DocumentLimits.defaults(), OcrSettings.disabled()).stream().filter(p -> p.accepts("bench.pdf", pdf)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no parser accepts " + pdfPath()));
    }

    @Setup(Level.Invocation)
    public void openEngine() throws IOException {
        engine = Embedded.open();
        docChat = engine.docChat();
    }

    @TearDown(Level.Invocation)
    public void closeEngine() throws IOException {
        engine.close();
    }

    @Benchmark
    public int barePdfBoxText() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).length();
        }
    }

    @Benchmark
    public int docchatParse() {
        ParseResult result = parser.parse("bench.pdf", pdf);
        if (result instanceof ParseResult.Success success) {
            return success.document().pages().size();
        }
        throw new IllegalStateException("parse failed: " + result);
    }

    @Benchmark
    public int docchatIngest() {
        Folder folder = docChat.folders().ensurePath(Account.LOCAL, "bench");
        Document document = docChat.documents().submit(Account.LOCAL, folder.id(), "bench.pdf", pdf);
        Document done = docChat.documents().awaitProcessed(Account.LOCAL, document.id(), Duration.ofMinutes(10));
        if (done.status() != DocumentStatus.PARSING_COMPLETED) {
            throw new IllegalStateException("ingest failed: " + done.errorMessage());
        }
        return done.pageCount();
    }
}
