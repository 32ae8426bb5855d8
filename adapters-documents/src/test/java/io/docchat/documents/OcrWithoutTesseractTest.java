package io.docchat.documents;

import static io.docchat.documents.ImageOcrTest.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docchat.core.port.ParsedDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Tesseract (here: a command that does not exist) documents complete with their text and a warning. */
class OcrWithoutTesseractTest {

    private static final OcrSettings MISSING = OcrSettings.defaults().withCommand("/nonexistent/docchat-tesseract");

    @Test
    void aScannedPdfCompletesWithItsTextPagesAndNamesThePackage() {
        TestScans.Scan scan = TestScans.draw(400, 200, TestScans.latinFont(30), 20, 20, 1.5f, List.of("scanned"));
        byte[] pdf = TestScans.imagePdf(612, 198, "A page with a text layer", scan.image());

        ParsedDocument document = parsed(new PdfParser(DocumentLimits.defaults(), MISSING).parse("mixed.pdf", pdf));

        assertThat(document.pages()).hasSize(2);
        assertThat(ImageOcrTest.text(document.pages().get(0))).isEqualTo("A page with a text layer");
        assertThat(document.pages().get(1).blocks()).isEmpty();
        assertThat(document.warnings()).containsExactly("Page(s) 2 have no usable text layer and were not read by OCR: "
                + "Tesseract is not installed (the Debian package tesseract-ocr).");
    }

    @Test
    void anImageCompletesAsATextlessPageWithTheSameWarning() {
        TestScans.Scan scan = TestScans.draw(400, 200, TestScans.latinFont(30), 20, 20, 1.5f, List.of("scanned"));

        ParsedDocument document = parsed(new ImageParser(DocumentLimits.defaults(), MISSING)
                .parse("scan.png", TestScans.png(scan.image())));

        assertThat(document.pages()).singleElement().satisfies(page -> {
            assertThat(page.blocks()).isEmpty();
            assertThat(page.width()).isEqualTo(400f);
        });
        assertThat(document.warnings()).singleElement().asString().contains("tesseract-ocr");
    }

    @Test
    void aCrashingTesseractCostsOnlyItsPagesAndTheParseCompletes(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to stand in for a crashing Tesseract");
        // Lists its languages like Tesseract, then dies of a segmentation fault on every page.
        Path crashing = dir.resolve("tesseract");
        Files.writeString(crashing, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo 'List of available languages (1):';"
                + " echo eng; exit 0; fi\nkill -SEGV $$\n");
        crashing.toFile().setExecutable(true);
        TestScans.Scan scan = TestScans.draw(400, 200, TestScans.latinFont(30), 20, 20, 1.5f, List.of("scanned"));
        byte[] pdf = TestScans.imagePdf(612, 198, "A page with a text layer", scan.image(), scan.image());

        ParsedDocument document = parsed(new PdfParser(DocumentLimits.defaults(),
                OcrSettings.defaults().withCommand(crashing.toString()).withLanguages("eng")).parse("crash.pdf", pdf));

        assertThat(ImageOcrTest.text(document.pages().get(0))).isEqualTo("A page with a text layer");
        assertThat(document.pages().get(1).blocks()).isEmpty();
        assertThat(document.pages().get(2).blocks()).isEmpty();
        assertThat(document.warnings()).singleElement().asString()
                .startsWith("Page(s) 2-3 have no usable text layer and OCR failed on them: Tesseract failed (exit ");
    }

    @Test
    void turnedOffOcrKeepsTheTextlessPageWarning() {
        ParsedDocument document = parsed(new ImageParser(DocumentLimits.defaults(), OcrSettings.disabled())
                .parse("scan.png", TestScans.png(TestScans.draw(100, 100, TestScans.latinFont(20), 5, 5, 1.5f,
                        List.of("x")).image())));

        assertThat(document.warnings()).containsExactly(
                "Page(s) 1 have no usable text layer and were not read by OCR: OCR is turned off.");
    }

    @Test
    void aDamagedImageIsACorruptFailure() {
        byte[] png = TestScans.png(TestScans.draw(100, 100, TestScans.latinFont(20), 5, 5, 1.5f, List.of("x")).image());
        byte[] truncated = java.util.Arrays.copyOf(png, 40);

        assertThat(new ImageParser(DocumentLimits.defaults(), MISSING).parse("cut.png", truncated))
                .isInstanceOfSatisfying(io.docchat.core.port.ParseResult.Failure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(io.docchat.core.port.ParseFailure.CORRUPT));
    }

    @Test
    void anImageLargerThanThePixelLimitIsRefusedBeforeDecoding() {
        byte[] png = TestScans.png(TestScans.draw(400, 300, TestScans.latinFont(20), 5, 5, 1.5f, List.of("x")).image());
        DocumentLimits small = new DocumentLimits(1 << 20, 10, 1000, 0.01, 1 << 20, 1 << 20, 1 << 20, 100, 100_000);

        assertThat(new ImageParser(small, MISSING).parse("big.png", png))
                .isInstanceOfSatisfying(io.docchat.core.port.ParseResult.Failure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(io.docchat.core.port.ParseFailure.LIMIT_EXCEEDED);
                    assertThat(failure.message()).contains("400 x 300 pixels");
                });
    }
}
