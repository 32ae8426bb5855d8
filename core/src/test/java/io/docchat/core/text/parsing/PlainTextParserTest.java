package io.docchat.core.text.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import io.docchat.core.text.chunking.Chunker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextParserTest {

    private final PlainTextParser parser = new PlainTextParser();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private ParsedDocument parse(String name, byte[] content) {
        ParseResult result = parser.parse(name, content);
        assertThat(result).isInstanceOf(ParseResult.Success.class);
        return ((ParseResult.Success) result).document();
    }

    private ParsedDocument parse(String name, String content) {
        return parse(name, utf8(content));
    }

    private static List<TextBlock> blocks(ParsedDocument doc) {
        return doc.pages().stream().flatMap(p -> p.blocks().stream()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.txt", "B.TEXT", "notes.md", "x.markdown", "data.csv", "app.log", "README", "dir/file"})
    void acceptsTextNamesWithTextContent(String name) {
        assertThat(parser.accepts(name, utf8("hello world"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.pdf", "b.docx", "c.xls", "d.html", "e.png"})
    void leavesFormatsOfOtherParsersAlone(String name) {
        assertThat(parser.accepts(name, utf8("hello world"))).isFalse();
    }

    @Test
    void refusesBinaryContentWhateverTheName() {
        byte[] withNul = {'a', 'b', 0, 'c'};
        byte[] invalidUtf8 = {'a', (byte) 0xC3, (byte) 0x28, 'b'};
        byte[] pdf = utf8("%PDF-1.7\n...");
        byte[] zip = {'P', 'K', 3, 4, 'x'};
        for (byte[] content : List.of(withNul, invalidUtf8, pdf, zip)) {
            assertThat(parser.accepts("file.txt", content)).isFalse();
        }
        ParseResult result = parser.parse("file.txt", withNul);
        assertThat(result).isInstanceOf(ParseResult.Failure.class);
        assertThat(((ParseResult.Failure) result).kind()).isEqualTo(ParseFailure.UNSUPPORTED_TYPE);
        assertThat(((ParseResult.Failure) result).message()).contains("not text");
        assertThat(parser.parse("file.txt", invalidUtf8)).isInstanceOf(ParseResult.Failure.class);
    }

    @Test
    void htmlWithoutATextNameIsLeftToTheHtmlParser() {
        assertThat(parser.accepts("page", utf8("<!DOCTYPE html><html></html>"))).isFalse();
        assertThat(parser.accepts("page.txt", utf8("<!DOCTYPE html><html></html>"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\n\t\n", "\f\f"})
    void emptyOrBlankFileIsAnEmptyFailure(String content) {
        ParseResult result = parser.parse("a.txt", utf8(content));
        assertThat(result).isEqualTo(ParseResult.failure(ParseFailure.EMPTY, "The file is empty."));
    }

    @Test
    void decodesUtf8WithBomAndUtf16WithBom() {
        String text = "水泵 pump ü";
        byte[] bom8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(text));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
        for (byte[] content : List.of(bom8, be, le)) {
            assertThat(parser.accepts("a.txt", content)).isTrue();
            assertThat(blocks(parse("a.txt", content)).get(0).text()).isEqualTo(text);
        }
    }

    @Test
    void utf16WithoutBomIsRefused() {
        // Every other byte is NUL: binary to a UTF-8 reader, and without a BOM the byte order is a guess.
        assertThat(parser.accepts("a.txt", "pump".getBytes(StandardCharsets.UTF_16LE))).isFalse();
    }

    @Test
    void plainTextParagraphsSplitAtBlankLines() {
        ParsedDocument doc = parse("a.txt", "First line\r\nsecond line\r\n\r\n  \nNew paragraph\n");
        List<TextBlock> blocks = blocks(doc);
        assertThat(blocks).extracting(TextBlock::type).containsOnly(BlockType.PARAGRAPH);
        assertThat(blocks).extracting(TextBlock::text).containsExactly("First line\nsecond line", "New paragraph");
        Page page = doc.pages().get(0);
        assertThat(page.width()).isZero();
        assertThat(page.height()).isZero();
        assertThat(page.number()).isEqualTo(1);
        assertThat(blocks).flatExtracting(TextBlock::lines).extracting(TextLine::box).containsOnlyNulls();
        assertThat(doc.title()).isNull();
    }

    @Test
    void formFeedsSeparatePages() {
        ParsedDocument doc = parse("a.txt", "page one\fpage two\n\fpage three\f");
        assertThat(doc.pages()).hasSize(3);
        assertThat(doc.pages()).extracting(Page::number).containsExactly(1, 2, 3);
        assertThat(doc.pages().get(2).blocks().get(0).text()).isEqualTo("page three");
    }

    @Test
    void longTextIsPagedBySizeNeverInsideALine() {
        String line = "x".repeat(99);
        String text = IntStream.range(0, 200).mapToObj(i -> line + (i % 7 == 0 ? "\n" : "")).collect(
                Collectors.joining("\n"));
        ParsedDocument doc = parse("a.txt", text);
        assertThat(doc.pages()).hasSizeGreaterThan(5);
        int totalLines = 0;
        for (Page page : doc.pages()) {
            int chars = 0;
            int lines = 0;
            for (TextBlock block : page.blocks()) {
                for (TextLine l : block.lines()) {
                    assertThat(l.text()).isEqualTo(line);
                    chars += l.text().length() + 1;
                    lines++;
                }
            }
            assertThat(chars).isLessThanOrEqualTo(TextPageAssembler.PAGE_CHARS);
            assertThat(lines).isLessThanOrEqualTo(TextPageAssembler.PAGE_LINES).isPositive();
            totalLines += lines;
        }
        assertThat(totalLines).isEqualTo(200);
    }

    @Test
    void manyShortLinesArePagedByLineCount() {
        String text = IntStream.range(0, 130).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        ParsedDocument doc = parse("a.log", text);
        assertThat(doc.pages()).hasSize(3);
        assertThat(doc.pages().get(0).blocks().get(0).lines()).hasSize(60);
        assertThat(doc.pages().get(1).blocks().get(0).lines().get(0).text()).isEqualTo("line 60");
    }

    @Test
    void aSingleHugeLineStaysWhole() {
        String text = "y".repeat(10_000);
        ParsedDocument doc = parse("a.txt", text);
        assertThat(doc.pages()).hasSize(1);
        assertThat(blocks(doc).get(0).text()).isEqualTo(text);
    }

    @Test
    void markdownStructureBecomesBlocks() {
        String md = """
                # ZX-9 Pump

                The **ZX-9** is a [small pump](http://example.com) for `water`.
                It is quiet.

                ## Specs ##

                - Flow: 40 m3/h
                - Pressure: 8 bar
                  continued here
                1. first step

                | Model | Flow | Price |
                |-------|:----:|------:|
                | ZX-9  | 40   | 1200  |
                | ZX-7  | 30   | 900 \\| 950 |

                ```java
                int x = 1;

                return x;
                ```

                Setext heading
                ==============

                > quoted text
                ---
                """;
        ParsedDocument doc = parse("pump.md", md);
        List<TextBlock> blocks = blocks(doc);
        assertThat(blocks).extracting(TextBlock::type).containsExactly(
                BlockType.HEADING, BlockType.PARAGRAPH, BlockType.HEADING, BlockType.LIST_ITEM, BlockType.LIST_ITEM,
                BlockType.LIST_ITEM, BlockType.TABLE_ROW, BlockType.TABLE_ROW, BlockType.TABLE_ROW, BlockType.CODE,
                BlockType.HEADING, BlockType.PARAGRAPH);
        assertThat(blocks).extracting(TextBlock::text).containsExactly(
                "ZX-9 Pump",
                "The ZX-9 is a small pump for water.\nIt is quiet.",
                "Specs",
                "Flow: 40 m3/h",
                "Pressure: 8 bar\ncontinued here",
                "first step",
                "Model | Flow | Price",
                "ZX-9 | 40 | 1200",
                "ZX-7 | 30 | 900 | 950",
                "int x = 1;\n\nreturn x;",
                "Setext heading",
                "quoted text");
        assertThat(blocks).extracting(TextBlock::level).containsExactly(1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        assertThat(doc.title()).isEqualTo("ZX-9 Pump");
    }

    @Test
    void markdownRulesDoNotApplyToPlainText() {
        List<TextBlock> blocks = blocks(parse("a.txt", "# not a heading\n- not an item"));
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).type()).isEqualTo(BlockType.PARAGRAPH);
        assertThat(blocks.get(0).text()).isEqualTo("# not a heading\n- not an item");
    }

    @Test
    void unclosedFenceRunsToTheEndWithoutLosingText() {
        List<TextBlock> blocks = blocks(parse("a.md", "text\n```\ncode line\nmore"));
        assertThat(blocks).extracting(TextBlock::text).containsExactly("text", "code line\nmore");
    }

    @Test
    void parsedDocumentChunksIntoPassagesWithLineNumbers() {
        ParsedDocument doc = parse("a.md", "# Title\n\nFirst sentence. Second sentence.\n\n- item one\n");
        var passages = Chunker.defaults().chunk(doc.pages());
        assertThat(passages).hasSize(1);
        assertThat(passages.get(0).text()).isEqualTo("Title\nFirst sentence. Second sentence.\nitem one");
        assertThat(passages.get(0).lines()).extracting(l -> l.lineNumber()).containsExactly(1, 2, 3);
    }

    @Test
    void csvRecordsBecomeTableRowsWithQuotedFields() {
        String csv = "Model,Flow,Note\r\nZX-9,40,\"small, quiet\"\n\nZX-7,30,\"says \"\"hi\"\"\nover two lines\"\n";
        List<TextBlock> blocks = blocks(parse("pumps.csv", csv));
        assertThat(blocks).extracting(TextBlock::type).containsOnly(BlockType.TABLE_ROW);
        assertThat(blocks).extracting(TextBlock::text).containsExactly(
                "Model | Flow | Note", "ZX-9 | 40 | small, quiet", "ZX-7 | 30 | says \"hi\" over two lines");
    }

    @Test
    void csvDelimiterIsDetectedAndAnUnclosedQuoteLosesNothing() {
        assertThat(blocks(parse("a.csv", "a;b;c\n1;2;3"))).extracting(TextBlock::text)
                .containsExactly("a | b | c", "1 | 2 | 3");
        assertThat(blocks(parse("a.csv", "a\tb\n\"open,x"))).extracting(TextBlock::text)
                .containsExactly("a | b", "open,x");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
