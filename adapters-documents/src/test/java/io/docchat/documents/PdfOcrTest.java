package io.docchat.documents;

import static io.docchat.documents.ImageOcrTest.ENGLISH;
import static io.docchat.documents.ImageOcrTest.assertLinesOnDrawnLines;
import static io.docchat.documents.ImageOcrTest.parsed;
import static io.docchat.documents.ImageOcrTest.text;
import static io.docchat.documents.TestScans.assumeTesseract;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Box;
import io.docchat.core.model.Page;
import io.docchat.core.port.ParsedDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scanned PDF pages: OCR where the text layer is missing, line boxes in PDF points like text-layer pages. */
class PdfOcrTest {

    private static final float WIDTH = 612f;
    private static final float HEIGHT = 198f;
    /** The scan is 2550 pixels wide on a 612-point page: 300 dpi. */
    private static final float POINTS_PER_PIXEL = WIDTH / 2550f;

    private static TestScans.Scan scan(List<String> lines) {
        return TestScans.draw(2550, 825, TestScans.latinFont(50), 150, 120, 1.7f, lines);
    }

    private static List<Box> inPoints(TestScans.Scan scan) {
        return scan.boxes().stream().map(b -> TestScans.scaled(b, POINTS_PER_PIXEL)).toList();
    }

    @Test
    void readsAnImageOnlyPageWithBoxesInPoints() {
        assumeTesseract("eng");
        TestScans.Scan scan = scan(ENGLISH);

        ParsedDocument document = parsed(new PdfParser().parse("scan.pdf",
                TestScans.imagePdf(WIDTH, HEIGHT, null, scan.image())));

        Page page = document.pages().get(0);
        assertThat(page.width()).isEqualTo(WIDTH);
        assertThat(TestScans.wordRecall(String.join(" ", ENGLISH), text(page))).isGreaterThanOrEqualTo(0.95);
        assertLinesOnDrawnLines(page, inPoints(scan));
        assertThat(document.warnings()).singleElement().asString()
                .startsWith("Page(s) 1 were read by OCR (eng+chi_sim); mean word confidence page 1 ");
    }

    @Test
    void keepsAGoodTextLayerAndReadsOnlyTheScannedPage() {
        assumeTesseract("eng");
        TestScans.Scan scan = scan(ENGLISH.subList(0, 1));
        String textLayer = "This page has a real text layer that must be kept exactly as it is";

        ParsedDocument document = parsed(new PdfParser().parse("mixed.pdf",
                TestScans.imagePdf(WIDTH, HEIGHT, textLayer, scan.image())));

        assertThat(document.pages()).hasSize(2);
        assertThat(text(document.pages().get(0))).isEqualTo(textLayer);
        assertThat(text(document.pages().get(1))).containsIgnoringCase("scanned pages become searchable");
        assertThat(document.warnings()).anySatisfy(w -> assertThat(w).startsWith("Page(s) 2 were read by OCR"));
    }

    @Test
    void readsSeveralScannedPagesAtOnceAndKeepsEachOnItsPage() {
        assumeTesseract("eng");
        PdfParser parallel = new PdfParser(DocumentLimits.defaults(), OcrSettings.defaults().withThreads(2));
        byte[] pdf = TestScans.imagePdf(WIDTH, HEIGHT, null, scan(ENGLISH.subList(0, 1)).image(),
                scan(ENGLISH.subList(1, 2)).image(), scan(ENGLISH.subList(2, 3)).image());

        ParsedDocument document = parsed(parallel.parse("three.pdf", pdf));

        for (int i = 0; i < 3; i++) {
            assertThat(TestScans.wordRecall(ENGLISH.get(i), text(document.pages().get(i))))
                    .as("page %d", i + 1).isGreaterThanOrEqualTo(0.95);
        }
        assertThat(document.warnings().get(0)).startsWith("Page(s) 1-3 were read by OCR");
    }

    @Test
    void replacesAStrayPageNumberOverAScanByWhatOcrReads() {
        assumeTesseract("eng");
        TestScans.Scan scan = scan(ENGLISH);

        ParsedDocument document = parsed(new PdfParser().parse("numbered.pdf",
                TestScans.imagePdfWithStrayText(WIDTH, HEIGHT, "17", scan.image())));

        assertThat(TestScans.wordRecall(String.join(" ", ENGLISH), text(document.pages().get(0))))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(document.warnings()).anySatisfy(w -> assertThat(w).startsWith("Page(s) 1 were read by OCR"));
    }

    @Test
    void leavesPagesBeyondThePageLimitTextlessAndSaysSo() {
        assumeTesseract("eng");
        PdfParser onePage = new PdfParser(DocumentLimits.defaults(), OcrSettings.defaults().withMaxPagesPerDocument(1));
        byte[] pdf = TestScans.imagePdf(WIDTH, HEIGHT, null, scan(ENGLISH.subList(0, 1)).image(),
                scan(ENGLISH.subList(1, 2)).image(), scan(ENGLISH.subList(2, 3)).image());

        ParsedDocument document = parsed(onePage.parse("long.pdf", pdf));

        assertThat(text(document.pages().get(0))).containsIgnoringCase("scanned pages");
        assertThat(document.pages().get(1).blocks()).isEmpty();
        assertThat(document.pages().get(2).blocks()).isEmpty();
        assertThat(document.warnings()).contains(
                "Page(s) 2-3 have no usable text layer and were not read by OCR: OCR reads at most 1 pages of a document.");
    }

    @Test
    void aPageTimeoutKillsTesseractAndTheDocumentStillCompletes() {
        assumeTesseract("eng");
        PdfParser hurried = new PdfParser(DocumentLimits.defaults(),
                OcrSettings.defaults().withPageTimeout(java.time.Duration.ofMillis(1)));

        ParsedDocument document = parsed(hurried.parse("scan.pdf",
                TestScans.imagePdf(WIDTH, HEIGHT, null, scan(ENGLISH).image())));

        assertThat(document.pages().get(0).blocks()).isEmpty();
        assertThat(document.warnings()).singleElement().asString()
                .startsWith("Page(s) 1 have no usable text layer and OCR failed on them: Tesseract took longer than");
    }
}
