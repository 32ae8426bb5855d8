package io.docchat.documents;

import static io.docchat.documents.TestPdfs.Text;
import static io.docchat.documents.TestPdfs.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdfParserTest {

    private final PdfParser parser = new PdfParser();

    static ParsedDocument parsed(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Success.class);
        return ((ParseResult.Success) result).document();
    }

    static List<TextLine> lines(Page page) {
        return page.blocks().stream().flatMap(b -> b.lines().stream()).toList();
    }

    static List<String> texts(Page page) {
        return lines(page).stream().map(TextLine::text).toList();
    }

    @Test
    void readsTextPaintedTwiceForBoldOnceAndKeepsRepeatsElsewhere() {
        // Fake bold: the same line painted again a fraction of a point to the right.
        List<Text> texts = new ArrayList<>(List.of(
                new Text(72, 100, 12, "Quarterly totals"),
                new Text(72.3f, 100, 12, "Quarterly totals"),
                new Text(72, 130, 11, "total total"),
                new Text(300, 130, 11, "total")));
        byte[] pdf = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, texts));

        Page page = parsed(parser.parse("bold.pdf", pdf)).pages().get(0);

        // The same word again but apart is kept (the wide gap makes it a cell of its own).
        assertThat(texts(page)).containsExactly("Quarterly totals", "total total | total");
    }

    @Test
    void readsASingleColumnWithAHeadingLargerThanTheBody() {
        List<Text> texts = new ArrayList<>();
        texts.add(new Text(72, 80, 20, "Annual Report"));
        texts.addAll(column(72, 120, 11, 14, List.of(
                "The committee met four times this year and", "reviewed every proposal that was submitted.",
                "Two proposals were accepted without changes.")));
        byte[] pdf = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, texts));

        ParsedDocument document = parsed(parser.parse("report.pdf", pdf));

        Page page = document.pages().get(0);
        assertThat(page.number()).isEqualTo(1);
        assertThat(page.width()).isEqualTo(612f);
        assertThat(page.height()).isEqualTo(792f);
        assertThat(page.blocks().get(0).type()).isEqualTo(BlockType.HEADING);
        assertThat(page.blocks().get(0).level()).isEqualTo(1);
        assertThat(page.blocks().get(0).text()).isEqualTo("Annual Report");
        assertThat(page.blocks().get(1).type()).isEqualTo(BlockType.PARAGRAPH);
        assertThat(texts(page)).containsExactly("Annual Report",
                "The committee met four times this year and", "reviewed every proposal that was submitted.",
                "Two proposals were accepted without changes.");
        assertThat(document.warnings()).isEmpty();
    }

    @Test
    void twoColumnsWithAlignedBaselinesAndANarrowGutterReadColumnByColumn() {
        List<String> left = numbered("left", 12);
        List<String> right = numbered("right", 12);
        List<Text> texts = new ArrayList<>();
        texts.add(new Text(72, 60, 16, "A title that runs across both of the columns below"));
        texts.addAll(column(72, 100, 10, 12, left));
        // Justified columns 6 points apart: closer than a wide word space.
        texts.addAll(column(72 + width(left) + 6, 100, 10, 12, right));
        byte[] pdf = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, texts));

        List<String> lines = texts(parsed(parser.parse("paper.pdf", pdf)).pages().get(0));

        List<String> expected = new ArrayList<>();
        expected.add("A title that runs across both of the columns below");
        expected.addAll(left);
        expected.addAll(right);
        assertThat(lines).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomMultiColumnPagesReadColumnByColumn(long seed) {
        Random random = new Random(seed);
        int columns = 2 + random.nextInt(2);
        float size = 8 + random.nextInt(4);
        float columnWidth = (612 - 100) / columns - 12;
        List<Text> texts = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            int count = 10 + random.nextInt(20);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                lines.add(randomLine(random, columnWidth, size, "c" + c + "l" + i));
            }
            texts.addAll(column(50 + c * (columnWidth + 12), 80 + random.nextInt(3) * 0.5f * size, size,
                    size * 1.2f, lines));
            expected.addAll(lines);
        }
        byte[] pdf = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, texts));

        assertThat(texts(parsed(parser.parse("columns.pdf", pdf)).pages().get(0)))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void tableRowsComeOutRowByRowWithCellsSeparated() {
        List<Text> texts = new ArrayList<>();
        String[][] rows = {{"Item", "Qty", "Price"}, {"Apples", "3", "1.20"}, {"Pears", "12", "0.80"},
            {"Plums", "7", "2.10"}};
        for (int r = 0; r < rows.length; r++) {
            texts.add(new Text(72, 100 + r * 14, 10, rows[r][0]));
            texts.add(new Text(200, 100 + r * 14, 10, rows[r][1]));
            texts.add(new Text(300, 100 + r * 14, 10, rows[r][2]));
        }
        byte[] pdf = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, texts));

        Page page = parsed(parser.parse("table.pdf", pdf)).pages().get(0);

        assertThat(texts(page)).containsExactly("Item | Qty | Price", "Apples | 3 | 1.20", "Pears | 12 | 0.80",
                "Plums | 7 | 2.10");
        assertThat(page.blocks()).allMatch(b -> b.type() == BlockType.TABLE_ROW);
    }

    @Test
    void lineNumbersInTheMarginFollowTheTextAndListNumbersStayWithTheirItems() {
        List<String> body = List.of("Proof pages carry line numbers in the margin so", "that editors can point at a line",
                "without quoting it, and readers should not see", "them glued to the end of every line");
        List<Text> texts = new ArrayList<>(column(72, 100, 10, 14, body));
        for (int i = 0; i < body.size(); i++) {
            texts.add(new Text(400, 100 + i * 14, 10, String.valueOf(i + 1)));
        }
        for (int i = 0; i < 3; i++) {
            texts.add(new Text(72, 200 + i * 14, 10, (i + 1) + "."));
            texts.add(new Text(84, 200 + i * 14, 10, "List item number " + (i + 1) + " explains one step"));
        }
        byte[] pdf = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, texts));

        List<String> lines = texts(parsed(parser.parse("proof.pdf", pdf)).pages().get(0));

        List<String> expected = new ArrayList<>(body);
        // The margin is read after the text region it stands beside.
        expected.addAll(List.of("1. List item number 1 explains one step",
                "2. List item number 2 explains one step", "3. List item number 3 explains one step",
                "1", "2", "3", "4"));
        assertThat(lines).containsExactlyElementsOf(expected);
    }

    @Test
    void wordsHyphenatedAtALineEndAreJoinedOnTheFirstLine() {
        byte[] pdf = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, column(72, 100, 11, 14, List.of(
                "the declaration of inde-", "pendence was signed in", "Philadel-", "phia by the", "North-",
                "East delegates"))));

        List<String> lines = texts(parsed(parser.parse("hyphen.pdf", pdf)).pages().get(0));

        assertThat(lines).containsExactly("the declaration of independence", "was signed in", "Philadelphia",
                "by the", "North-", "East delegates");
    }

    @Test
    void chineseTextHasNoSpacesBetweenCharacters() {
        byte[] pdf = TestPdfs.chinese("中文文档解析测试", "第二行的内容");

        List<String> lines = texts(parsed(parser.parse("zh.pdf", pdf)).pages().get(0));

        assertThat(lines).containsExactly("中文文档解析测试", "第二行的内容");
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void rotatedPagesReportTheDisplayedSizeAndBoxesOnTheDisplayedPage(int rotation) {
        List<Text> texts = column(72, 100, 12, 16, List.of("Rotated page line one", "and line two"));
        byte[] pdf = TestPdfs.pdf(new TestPdfs.PageSpec(792, 612, rotation, texts));

        Page page = parsed(parser.parse("rotated.pdf", pdf)).pages().get(0);

        assertThat(page.rotation()).isEqualTo(rotation);
        assertThat(page.width()).isEqualTo(792f);
        assertThat(page.height()).isEqualTo(612f);
        assertThat(texts(page)).containsExactly("Rotated page line one", "and line two");
        Box first = lines(page).get(0).box();
        assertThat(first.x()).isBetween(70f, 74f);
        assertThat(first.bottom()).isBetween(100f, 104f);
        assertThat(first.y()).isBetween(88f, 92f);
    }

    @Test
    void anImageOnlyPdfSucceedsWithAWarningWhenOcrIsOff() {
        PdfParser withoutOcr = new PdfParser(DocumentLimits.defaults(), OcrSettings.disabled());
        ParsedDocument document = parsed(withoutOcr.parse("scan.pdf", TestPdfs.imageOnly()));

        assertThat(document.pages()).hasSize(1);
        assertThat(document.pages().get(0).blocks()).isEmpty();
        assertThat(document.pages().get(0).width()).isEqualTo(612f);
        assertThat(document.warnings()).singleElement().asString().contains("Page(s) 1 have no text layer");
    }

    @Test
    void anEncryptedPdfWithoutItsPasswordFails() {
        byte[] plain = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, List.of(new Text(72, 72, 12, "secret"))));

        ParseResult result = parser.parse("locked.pdf", TestPdfs.encrypted(plain, "open-sesame"));

        assertThat(result).isEqualTo(ParseResult.failure(ParseFailure.ENCRYPTED, "The PDF is password-protected."));
    }

    @Test
    void badFilesFailWithAReason() {
        byte[] good = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, List.of(new Text(72, 72, 12, "hello"))));
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);

        assertThat(parser.parse("empty.pdf", new byte[0])).isEqualTo(
                ParseResult.failure(ParseFailure.EMPTY, "The file is empty."));
        assertFailure(parser.parse("truncated.pdf", Arrays.copyOf(good, 60)), ParseFailure.CORRUPT);
        assertFailure(parser.parse("random.pdf", random), ParseFailure.CORRUPT);
        assertThat(parser.accepts("random.pdf", random)).isTrue();
    }

    @Test
    void limitsOnPagesAndSizeAreEnforced() {
        TestPdfs.PageSpec page = new TestPdfs.PageSpec(612, 792, 0, List.of(new Text(72, 72, 12, "page")));
        byte[] threePages = TestPdfs.pdf(page, page, page);

        ParseResult tooManyPages = new PdfParser(DocumentLimits.defaults().withMaxPages(2))
                .parse("long.pdf", threePages);
        ParseResult tooLarge = new PdfParser(DocumentLimits.defaults().withMaxFileBytes(100))
                .parse("long.pdf", threePages);

        assertFailure(tooManyPages, ParseFailure.LIMIT_EXCEEDED);
        assertThat(((ParseResult.Failure) tooManyPages).message()).contains("3 pages").contains("limit is 2");
        assertFailure(tooLarge, ParseFailure.TOO_LARGE);
        assertThat(parsed(parser.parse("long.pdf", threePages)).pages()).extracting(Page::number)
                .containsExactly(1, 2, 3);
    }

    static void assertFailure(ParseResult result, ParseFailure kind) {
        assertThat(result).isInstanceOf(ParseResult.Failure.class);
        ParseResult.Failure failure = (ParseResult.Failure) result;
        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.message()).isNotBlank();
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(prefix + " column line " + i + " with enough words to fill it");
        }
        return lines;
    }

    private static float width(List<String> lines) {
        try {
            var font = new org.apache.pdfbox.pdmodel.font.PDType1Font(
                    org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA);
            float max = 0;
            for (String line : lines) {
                max = Math.max(max, font.getStringWidth(line) / 1000 * 10);
            }
            return max;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String randomLine(Random random, float columnWidth, float size, String tag) {
        String[] words = {"alpha", "beta", "gamma", "delta", "river", "stone", "light", "paper", "engine", "north"};
        StringBuilder sb = new StringBuilder(tag);
        // Helvetica averages about half an em per character; stay within the column.
        int maxChars = (int) (columnWidth / (0.55f * size));
        int target = maxChars - random.nextInt(Math.max(1, maxChars / 4));
        while (true) {
            String word = words[random.nextInt(words.length)];
            if (sb.length() + 1 + word.length() > target) {
                break;
            }
            sb.append(' ').append(word);
        }
        return sb.toString();
    }
}
