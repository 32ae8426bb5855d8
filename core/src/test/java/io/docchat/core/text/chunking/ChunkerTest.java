package io.docchat.core.text.chunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.Page;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.PassagePage;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.NewPassage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChunkerTest {

    private static TextBlock block(BlockType type, int level, String... lines) {
        return new TextBlock(type, level, Stream.of(lines).map(l -> new TextLine(l, null)).toList());
    }

    private static TextBlock para(String... lines) {
        return block(BlockType.PARAGRAPH, 0, lines);
    }

    private static TextBlock heading(int level, String text) {
        return block(BlockType.HEADING, level, text);
    }

    private static Page page(int number, TextBlock... blocks) {
        return new Page(number, 0, 0, 0, List.of(blocks));
    }

    private static String lineText(NewPassage p, PassageLine l) {
        return p.text().substring(l.start(), l.end());
    }

    @Test
    void joinsWrappedLinesWithSpacesAndRecordsEachLine() {
        List<NewPassage> passages = Chunker.defaults().chunk(List.of(page(1,
                para("The ZX-9 pump moves forty", "cubic metres an hour.", "It weighs 12 kg."))));
        assertThat(passages).hasSize(1);
        NewPassage p = passages.get(0);
        assertThat(p.text()).isEqualTo("The ZX-9 pump moves forty cubic metres an hour. It weighs 12 kg.");
        assertThat(p.lines()).extracting(PassageLine::lineNumber).containsExactly(1, 2, 3);
        assertThat(p.lines()).extracting(l -> lineText(p, l))
                .containsExactly("The ZX-9 pump moves forty", "cubic metres an hour.", "It weighs 12 kg.");
        assertThat(p.ordinal()).isZero();
    }

    @Test
    void passagesCarryWhatACitationNeedsPageTextAndPageSizes() {
        // The passage starts mid-line: the line's page text is whole, the passage keeps only its part.
        Page first = new Page(1, 595.2f, 842, 0, List.of(para("Intro text. Prime the pump", "with water first.")));
        Page second = new Page(2, 842, 595.2f, 90, List.of(para("Then start it.")));
        List<NewPassage> passages = new Chunker(20, 40).chunk(List.of(first, second));

        assertThat(passages).allSatisfy(p -> assertThat(p.lines()).allSatisfy(l ->
                assertThat(l.text()).contains(p.text().substring(l.start(), l.end()))));
        assertThat(passages).flatExtracting(NewPassage::lines).extracting(PassageLine::text)
                .contains("Intro text. Prime the pump", "with water first.", "Then start it.");
        assertThat(passages).flatExtracting(NewPassage::pages).containsOnly(
                new PassagePage(1, 595.2f, 842, 0), new PassagePage(2, 842, 595.2f, 90));
        assertThat(passages).allSatisfy(p -> assertThat(p.pages()).extracting(PassagePage::number)
                .containsExactlyElementsOf(p.lines().stream().map(PassageLine::pageNumber).distinct().toList()));
    }

    @Test
    void joinsHyphenBrokenWordsAndChineseLinesWithoutSpace() {
        List<NewPassage> passages = Chunker.defaults().chunk(List.of(page(1,
                para("The imple-", "mentation is well-", "known. A long-", "Term plan."),
                para("水泵的最大流量", "为每小时四十立方米。"))));
        NewPassage p = passages.get(0);
        assertThat(p.text()).isEqualTo(
                "The implementation is wellknown. A long- Term plan.\n水泵的最大流量为每小时四十立方米。");
        assertThat(p.lines()).extracting(l -> lineText(p, l)).containsExactly(
                "The imple", "mentation is well", "known. A long-", "Term plan.", "水泵的最大流量", "为每小时四十立方米。");
    }

    @Test
    void headingsStartPassagesStayWithTheirTextAndBuildPaths() {
        Chunker chunker = new Chunker(20, 200);
        List<NewPassage> passages = chunker.chunk(List.of(page(1,
                heading(1, "Pumps"),
                para("Intro text about pumps in general."),
                heading(2, "ZX-9"),
                para("The ZX-9 is small."),
                heading(3, "Pricing"),
                para("It costs 1200 dollars."),
                heading(2, "ZX-7"),
                para("The ZX-7 is large."),
                heading(1, "Valves"),
                para("Valves control flow."))));
        assertThat(passages).extracting(NewPassage::text).containsExactly(
                "Pumps\nIntro text about pumps in general.",
                "ZX-9\nThe ZX-9 is small.",
                "Pricing\nIt costs 1200 dollars.",
                "ZX-7\nThe ZX-7 is large.",
                "Valves\nValves control flow.");
        assertThat(passages).extracting(NewPassage::headingPath).containsExactly(
                List.of("Pumps"), List.of("Pumps", "ZX-9"), List.of("Pumps", "ZX-9", "Pricing"),
                List.of("Pumps", "ZX-7"), List.of("Valves"));
        assertThat(passages).extracting(NewPassage::ordinal).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void textBeforeAnyHeadingHasAnEmptyPathAndLaterPassagesOfASectionKeepIt() {
        Chunker chunker = new Chunker(30, 60);
        List<NewPassage> passages = chunker.chunk(List.of(page(1,
                para("Preface sentence one."),
                heading(2, "Usage"),
                para("First sentence of usage here. Second sentence of usage here. Third sentence of usage here."))));
        assertThat(passages.get(0).headingPath()).isEmpty();
        assertThat(passages).hasSizeGreaterThan(2);
        assertThat(passages.subList(1, passages.size())).allSatisfy(p -> assertThat(p.headingPath())
                .containsExactly("Usage"));
        assertThat(passages.get(1).text()).startsWith("Usage\nFirst sentence");
    }

    @Test
    void passagesHoldWholeSentencesWithinTheLimits() {
        String sentence = "This sentence has exactly fifty characters in it.";
        List<String> lines = IntStream.range(0, 40).mapToObj(i -> sentence).toList();
        Chunker chunker = new Chunker(200, 300);
        List<NewPassage> passages = chunker.chunk(List.of(page(1, para(lines.toArray(String[]::new)))));
        assertThat(passages).hasSizeGreaterThan(5);
        for (NewPassage p : passages) {
            assertThat(p.text().length()).isLessThanOrEqualTo(300);
            assertThat(p.text()).startsWith("This sentence").endsWith("in it.");
        }
        assertThat(passages.subList(0, passages.size() - 1))
                .allSatisfy(p -> assertThat(p.text().length()).isGreaterThanOrEqualTo(200));
    }

    @Test
    void aShortTailOfAParagraphStaysWithThePassageBeforeIt() {
        String sentence = "This sentence has exactly fifty characters in it.";
        // Five sentences reach the target of 200; the sixth alone would be a 50-character scrap.
        String paragraph = String.join(" ", java.util.Collections.nCopies(6, sentence));
        List<NewPassage> passages = new Chunker(200, 400).chunk(List.of(page(1, para(paragraph))));
        assertThat(passages).hasSize(1);
        assertThat(passages.get(0).text()).isEqualTo(paragraph);
        // A longer tail is a passage of its own.
        String longer = String.join(" ", java.util.Collections.nCopies(8, sentence));
        assertThat(new Chunker(200, 400).chunk(List.of(page(1, para(longer))))).hasSize(2);
    }

    @Test
    void aSentenceLongerThanTheMaximumIsCutAtWhitespace() {
        String longSentence = String.join(" ", IntStream.range(0, 100).mapToObj(i -> "word" + i).toList()) + ".";
        List<NewPassage> passages = new Chunker(50, 100).chunk(List.of(page(1, para(longSentence))));
        assertThat(passages).hasSizeGreaterThan(5);
        StringBuilder rejoined = new StringBuilder();
        for (NewPassage p : passages) {
            assertThat(p.text().length()).isLessThanOrEqualTo(100);
            assertThat(p.text()).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("word1word");
            rejoined.append(rejoined.length() == 0 ? "" : " ").append(p.text());
        }
        assertThat(rejoined.toString()).isEqualTo(longSentence);
    }

    @Test
    void chineseTextWithoutSpacesIsCutAtTheMaximum() {
        String longSentence = "水".repeat(250) + "。";
        List<NewPassage> passages = new Chunker(50, 100).chunk(List.of(page(1, para(longSentence))));
        assertThat(passages).extracting(p -> p.text().length()).containsExactly(100, 100, 51);
    }

    @Test
    void aParagraphCutByAPageBreakContinuesAndRecordsBothPages() {
        Box b1 = new Box(10, 700, 200, 12);
        Box b2 = new Box(10, 40, 180, 12);
        Page p1 = new Page(1, 595, 842, 0, List.of(
                new TextBlock(BlockType.PARAGRAPH, 0, List.of(new TextLine("Header line.", new Box(10, 10, 50, 12)))),
                new TextBlock(BlockType.PARAGRAPH, 0, List.of(new TextLine("The pump is rated", b1)))));
        Page p2 = new Page(2, 595, 842, 0, List.of(
                new TextBlock(BlockType.PARAGRAPH, 0, List.of(new TextLine("for forty bar.", b2)))));
        List<NewPassage> passages = new Chunker(10, 200).chunk(List.of(p1, p2));
        NewPassage crossing = passages.stream().filter(p -> p.text().contains("rated for forty")).findFirst()
                .orElseThrow();
        assertThat(crossing.text()).endsWith("The pump is rated for forty bar.");
        PassageLine last = crossing.lines().get(crossing.lines().size() - 1);
        PassageLine before = crossing.lines().get(crossing.lines().size() - 2);
        assertThat(before.pageNumber()).isEqualTo(1);
        assertThat(before.lineNumber()).isEqualTo(2);
        assertThat(before.box()).isEqualTo(b1);
        assertThat(last.pageNumber()).isEqualTo(2);
        assertThat(last.lineNumber()).isEqualTo(1);
        assertThat(last.box()).isEqualTo(b2);
        assertThat(lineText(crossing, last)).isEqualTo("for forty bar.");
    }

    @Test
    void aFinishedSentenceAtTheEndOfAPageDoesNotJoinTheNextPage() {
        List<NewPassage> passages = new Chunker(5, 100).chunk(List.of(
                page(1, para("First page ends here.")), page(2, para("Second page starts."))));
        assertThat(passages).extracting(NewPassage::text)
                .containsExactly("First page ends here.", "Second page starts.");
        assertThat(passages.get(1).lines()).extracting(PassageLine::pageNumber).containsExactly(2);
    }

    @Test
    void tableRowsArePackedRowByRowWithTheHeaderRepeated() {
        List<TextBlock> blocks = new ArrayList<>();
        blocks.add(block(BlockType.TABLE_ROW, 0, "Model | Flow | Price"));
        for (int i = 1; i <= 12; i++) {
            blocks.add(block(BlockType.TABLE_ROW, 0, "ZX-" + i + " | " + (i * 10) + " | " + (i * 100)));
        }
        List<NewPassage> passages = new Chunker(60, 90).chunk(List.of(new Page(1, 0, 0, 0, blocks)));
        assertThat(passages).hasSizeGreaterThan(2);
        for (NewPassage p : passages) {
            assertThat(p.text()).startsWith("Model | Flow | Price\n");
            assertThat(p.lines().get(0).lineNumber()).isEqualTo(1);
            for (String row : p.text().split("\n")) {
                assertThat(row).matches("Model \\| Flow \\| Price|ZX-\\d+ \\| \\d+ \\| \\d+");
            }
        }
        long rows = passages.stream().mapToLong(p -> p.text().split("\n").length - 1).sum();
        assertThat(rows).isEqualTo(12);
    }

    @Test
    void codeKeepsItsLinesAndBlankLinesStillCountInLineNumbers() {
        List<NewPassage> passages = Chunker.defaults().chunk(List.of(page(1,
                para("Run this:"),
                block(BlockType.CODE, 0, "mvn verify", "", "  java -jar app.jar"))));
        NewPassage p = passages.get(0);
        assertThat(p.text()).isEqualTo("Run this:\nmvn verify\njava -jar app.jar");
        assertThat(p.lines()).extracting(PassageLine::lineNumber).containsExactly(1, 2, 4);
    }

    @Test
    void emptyPagesGiveNoPassages() {
        assertThat(Chunker.defaults().chunk(List.of())).isEmpty();
        assertThat(Chunker.defaults().chunk(List.of(page(1), page(2, para("   ", ""))))).isEmpty();
    }

    @Test
    void rejectsLimitsThatCannotWork() {
        assertThatThrownBy(() -> new Chunker(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(100, 50)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- property: offsets are exact on random documents

    private static final String[] EN_WORDS = {"pump", "valve", "flow", "rate", "the", "of", "Dr.", "e.g.", "3.5",
            "pressure", "imple-", "ZX-9", "U.S.", "system", "(note)", "\"quoted\"", "a", "is"};
    private static final String[] ZH_WORDS = {"水泵", "流量", "的", "压力", "系统", "价格", "每小时", "立方米"};

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyLineOffsetIsExactOnRandomDocuments(int seed) {
        Random random = new Random(seed);
        List<Page> pages = randomPages(random);
        Chunker chunker = new Chunker(20 + random.nextInt(300), 400 + random.nextInt(400));
        List<NewPassage> passages = chunker.chunk(pages);

        Map<String, String> normalizedLines = new HashMap<>();
        for (Page page : pages) {
            int number = 0;
            for (TextBlock block : page.blocks()) {
                for (TextLine line : block.lines()) {
                    number++;
                    normalizedLines.put(page.number() + ":" + number, line.text().strip());
                }
            }
        }
        for (int i = 0; i < passages.size(); i++) {
            NewPassage p = passages.get(i);
            assertThat(p.ordinal()).isEqualTo(i);
            assertThat(p.text()).isNotBlank();
            assertThat(p.lines()).isNotEmpty();
            int previousEnd = -1;
            for (PassageLine line : p.lines()) {
                assertThat(line.start()).isGreaterThanOrEqualTo(0).isLessThan(line.end());
                assertThat(line.end()).isLessThanOrEqualTo(p.text().length());
                assertThat(line.start()).isGreaterThan(previousEnd - 1);
                previousEnd = line.end();
                String full = normalizedLines.get(line.pageNumber() + ":" + line.lineNumber());
                assertThat(full).as("line %s:%s", line.pageNumber(), line.lineNumber()).isNotNull();
                String inPassage = lineText(p, line);
                // The whole normalized line, or (at a sentence boundary inside it) a part of it; a word-breaking
                // hyphen at its end may be dropped.
                String withoutHyphen = full.endsWith("-") ? full.substring(0, full.length() - 1) : full;
                assertThat(full.contains(inPassage) || withoutHyphen.contains(inPassage))
                        .as("'%s' is part of '%s'", inPassage, full).isTrue();
            }
            // Lines cover all the text of the passage except the separators between them.
            StringBuilder rest = new StringBuilder(p.text());
            for (int k = p.lines().size() - 1; k >= 0; k--) {
                rest.delete(p.lines().get(k).start(), p.lines().get(k).end());
            }
            assertThat(rest.toString()).matches("[\\s]*");
        }
        // Every non-blank line of the document is covered by some passage.
        long covered = passages.stream().flatMap(p -> p.lines().stream())
                .map(l -> l.pageNumber() + ":" + l.lineNumber()).distinct().count();
        long nonBlank = normalizedLines.values().stream().filter(s -> !s.isEmpty()).count();
        assertThat(covered).isEqualTo(nonBlank);
    }

    private static List<Page> randomPages(Random random) {
        List<Page> pages = new ArrayList<>();
        int pageCount = 1 + random.nextInt(4);
        for (int p = 1; p <= pageCount; p++) {
            List<TextBlock> blocks = new ArrayList<>();
            int blockCount = random.nextInt(8);
            for (int b = 0; b < blockCount; b++) {
                BlockType type = BlockType.values()[random.nextInt(BlockType.values().length)];
                int lineCount = type == BlockType.HEADING ? 1 : 1 + random.nextInt(6);
                List<TextLine> lines = new ArrayList<>();
                for (int l = 0; l < lineCount; l++) {
                    Box box = random.nextBoolean() ? null : new Box(random.nextInt(500), random.nextInt(800), 100, 12);
                    lines.add(new TextLine(randomLine(random), box));
                }
                blocks.add(new TextBlock(type, type == BlockType.HEADING ? 1 + random.nextInt(4) : 0, lines));
            }
            pages.add(new Page(p, 0, 0, 0, blocks));
        }
        return pages;
    }

    private static String randomLine(Random random) {
        if (random.nextInt(12) == 0) {
            return random.nextBoolean() ? "" : "   ";
        }
        boolean chinese = random.nextInt(3) == 0;
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? "  " : "");
        int words = 1 + random.nextInt(chinese ? 30 : 25);
        for (int w = 0; w < words; w++) {
            if (chinese) {
                sb.append(ZH_WORDS[random.nextInt(ZH_WORDS.length)]);
                if (random.nextInt(6) == 0) {
                    sb.append(random.nextBoolean() ? "。" : "？");
                }
            } else {
                if (w > 0) {
                    sb.append(' ');
                }
                sb.append(EN_WORDS[random.nextInt(EN_WORDS.length)]);
                if (random.nextInt(6) == 0) {
                    sb.append(random.nextBoolean() ? "." : "!");
                }
            }
        }
        if (random.nextInt(5) == 0) {
            sb.append(" ").append("x".repeat(random.nextInt(600)));
        }
        return sb.toString();
    }
}
