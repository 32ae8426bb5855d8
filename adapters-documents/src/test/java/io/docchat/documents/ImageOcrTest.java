package io.docchat.documents;

import static io.docchat.documents.TestScans.assumeTesseract;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Box;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Images read by Tesseract: text recovered and every line box on the line that was drawn there. */
class ImageOcrTest {

    static final List<String> ENGLISH = List.of(
            "Scanned pages become searchable text",
            "Every recovered line keeps its own box",
            "Citations point at the lines they quote");
    static final List<String> CHINESE = List.of(
            "扫描的文件也可以被搜索和引用",
            "每一行文字都保留自己的位置",
            "中文字符的识别率应当很高",
            "知识库中的文档支持问答");

    private final ImageParser parser = new ImageParser(DocumentLimits.defaults(), OcrSettings.defaults());

    static ParsedDocument parsed(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Success.class);
        return ((ParseResult.Success) result).document();
    }

    static List<TextLine> lines(Page page) {
        return page.blocks().stream().flatMap(b -> b.lines().stream()).toList();
    }

    static String text(Page page) {
        return page.blocks().stream().map(TextBlock::text).collect(Collectors.joining("\n"));
    }

    /** Each recovered line lies on one drawn line (boxes in the same units), and each drawn line was recovered. */
    static void assertLinesOnDrawnLines(Page page, List<Box> drawn) {
        List<TextLine> recovered = lines(page);
        assertThat(recovered).hasSameSizeAs(drawn);
        for (int i = 0; i < drawn.size(); i++) {
            Box got = recovered.get(i).box();
            Box want = drawn.get(i);
            assertThat(got).as("box of line %d", i + 1).isNotNull();
            assertThat(TestScans.verticalOverlap(got, want)).as("vertical overlap of line %d: %s vs %s", i + 1,
                    got, want).isGreaterThan(0.6);
            assertThat(TestScans.overlapsHorizontally(got, want)).as("line %d horizontally", i + 1).isTrue();
            assertThat(Math.abs(got.x() - want.x())).as("left edge of line %d", i + 1)
                    .isLessThan(want.height());
        }
    }

    @Test
    void readsAnEnglishPngWithLineBoxesInItsPixels() {
        assumeTesseract("eng");
        TestScans.Scan scan = TestScans.draw(2000, 600, TestScans.latinFont(50), 120, 100, 1.7f, ENGLISH);

        ParsedDocument document = parsed(parser.parse("note.png", TestScans.png(scan.image())));

        assertThat(document.pages()).hasSize(1);
        Page page = document.pages().get(0);
        assertThat(page.width()).isEqualTo(2000f);
        assertThat(page.height()).isEqualTo(600f);
        assertThat(TestScans.wordRecall(String.join(" ", ENGLISH), text(page))).isGreaterThanOrEqualTo(0.95);
        assertLinesOnDrawnLines(page, scan.boxes());
        assertThat(document.warnings()).anySatisfy(w -> assertThat(w).contains("Page(s) 1 were read by OCR")
                .contains("confidence page 1 "));
    }

    @Test
    void readsChineseRenderedWithANotoCjkFont() {
        assumeTesseract("chi_sim");
        TestScans.Scan scan = TestScans.draw(1400, 700, TestScans.chineseFont(60), 100, 80, 1.8f, CHINESE);

        ParsedDocument document = parsed(parser.parse("scan.png", TestScans.png(scan.image())));

        Page page = document.pages().get(0);
        assertThat(TestScans.characterRecall(String.join("", CHINESE), text(page))).isGreaterThanOrEqualTo(0.9);
        assertThat(text(page)).doesNotContain("扫 描");
        assertLinesOnDrawnLines(page, scan.boxes());
    }

    @Test
    void detectsTheScriptPerPageWhenLanguagesAreAuto() {
        assumeTesseract("eng", "chi_sim", "osd");
        ImageParser auto = new ImageParser(DocumentLimits.defaults(), OcrSettings.defaults().withLanguages("auto"));
        TestScans.Scan chinese = TestScans.draw(1400, 700, TestScans.chineseFont(60), 100, 80, 1.8f, CHINESE);
        TestScans.Scan english = TestScans.draw(2000, 600, TestScans.latinFont(50), 120, 100, 1.7f, ENGLISH);

        ParsedDocument document = parsed(auto.parse("two.tiff", TestScans.tiff(300, chinese.image(), english.image())));

        assertThat(TestScans.characterRecall(String.join("", CHINESE), text(document.pages().get(0))))
                .isGreaterThanOrEqualTo(0.9);
        assertThat(TestScans.wordRecall(String.join(" ", ENGLISH), text(document.pages().get(1))))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(document.warnings().get(0)).contains("chi_sim+eng").contains("eng");
    }

    @Test
    void readsEveryPageOfATiffInPointsAtItsStatedResolution() {
        assumeTesseract("eng");
        TestScans.Scan first = TestScans.draw(2000, 600, TestScans.latinFont(50), 120, 100, 1.7f, ENGLISH.subList(0, 2));
        TestScans.Scan second = TestScans.draw(2000, 600, TestScans.latinFont(50), 120, 100, 1.7f, ENGLISH.subList(2, 3));

        ParsedDocument document = parsed(parser.parse("pages.tif", TestScans.tiff(300, first.image(), second.image())));

        assertThat(document.pages()).hasSize(2);
        float pointsPerPixel = 72f / 300f;
        Page one = document.pages().get(0);
        assertThat(one.width()).isCloseTo(2000 * pointsPerPixel, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(TestScans.wordRecall(String.join(" ", ENGLISH.subList(0, 2)), text(one))).isGreaterThanOrEqualTo(0.95);
        assertLinesOnDrawnLines(one, first.boxes().stream().map(b -> TestScans.scaled(b, pointsPerPixel)).toList());
        Page two = document.pages().get(1);
        assertThat(text(two)).containsIgnoringCase("citations point at the lines");
        assertLinesOnDrawnLines(two, second.boxes().stream().map(b -> TestScans.scaled(b, pointsPerPixel)).toList());
        assertThat(document.warnings().get(0)).contains("Page(s) 1-2 were read by OCR");
    }

    @Test
    void countsThePagesReadForProgressDisplays() {
        assumeTesseract("eng");
        OcrProgress progress = new OcrProgress();
        ImageParser counting = new ImageParser(DocumentLimits.defaults(), OcrSettings.defaults(), progress);
        TestScans.Scan one = TestScans.draw(2000, 300, TestScans.latinFont(50), 120, 100, 1.7f, ENGLISH.subList(0, 1));

        counting.parse("a.tif", TestScans.tiff(300, one.image(), one.image()));

        assertThat(progress.pagesRead()).isEqualTo(2);
        assertThat(progress.pagesInProgress()).isZero();
    }

    @Test
    void readsABilevelFaxCompressedTiff() {
        assumeTesseract("eng");
        TestScans.Scan scan = TestScans.draw(2000, 600, TestScans.latinFont(50), 120, 100, 1.7f, ENGLISH);

        ParsedDocument document = parsed(parser.parse("fax.tif", TestScans.faxTiff(300, scan.image())));

        assertThat(TestScans.wordRecall(String.join(" ", ENGLISH), text(document.pages().get(0))))
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void readsAJpegByItsContentWhateverItsName() {
        assumeTesseract("eng");
        TestScans.Scan scan = TestScans.draw(2000, 300, TestScans.latinFont(50), 120, 100, 1.7f, ENGLISH.subList(0, 1));
        byte[] jpeg = TestScans.jpeg(scan.image());

        assertThat(parser.accepts("photo.bin", jpeg)).isTrue();
        ParsedDocument document = parsed(parser.parse("photo.bin", jpeg));

        assertThat(text(document.pages().get(0))).containsIgnoringCase("scanned pages become searchable");
    }

    @Test
    void keepsWordsBelowTheConfidenceThresholdAndListsThem() {
        assumeTesseract("eng");
        ImageParser strict = new ImageParser(DocumentLimits.defaults(), OcrSettings.defaults().withLowConfidence(100));
        TestScans.Scan scan = TestScans.draw(2000, 300, TestScans.latinFont(50), 120, 100, 1.7f, ENGLISH.subList(0, 1));

        ParsedDocument document = parsed(strict.parse("note.png", TestScans.png(scan.image())));

        assertThat(text(document.pages().get(0))).containsIgnoringCase("searchable");
        assertThat(document.warnings()).anySatisfy(w -> assertThat(w)
                .contains("below 100% confidence were kept as read").contains("\"searchable\" (page 1,"));
    }
}
