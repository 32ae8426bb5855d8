package io.docchat.documents;

import static io.docchat.documents.PdfParserTest.assertFailure;
import static io.docchat.documents.PdfParserTest.parsed;
import static io.docchat.documents.PdfParserTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

class WordParserTest {

    private final WordParser parser = new WordParser();

    @Test
    void readsHeadingsListsTablesNestedTablesAndPageBreaks() {
        ParsedDocument document = parsed(parser.parse("report.docx", TestOffice.docx()));

        assertThat(document.title()).isEqualTo("Quarterly report");
        assertThat(document.pages()).hasSize(2);
        Page first = document.pages().get(0);
        assertThat(texts(first)).containsExactly("Introduction", "This report covers the third quarter.",
                "First point of the list", "Figures", "Region | Sales | Notes", "North | 120 | see detail",
                "Inner 1,1 | Inner 1,2", "Inner 2,1 | Inner 2,2", "Last words on page one.");
        assertThat(first.blocks()).extracting(TextBlock::type).containsExactly(BlockType.HEADING,
                BlockType.PARAGRAPH, BlockType.LIST_ITEM, BlockType.HEADING, BlockType.TABLE_ROW,
                BlockType.TABLE_ROW, BlockType.TABLE_ROW, BlockType.TABLE_ROW, BlockType.PARAGRAPH);
        assertThat(first.blocks()).extracting(TextBlock::level).startsWith(1, 0, 0, 2);
        assertThat(first.hasGeometry()).isFalse();
        assertThat(first.blocks().get(0).lines().get(0).box()).isNull();

        Page second = document.pages().get(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(texts(second)).containsExactly("中文部分", "这是第二页的中文段落。");
        assertThat(second.blocks().get(0).type()).isEqualTo(BlockType.HEADING);
    }

    @Test
    void longDocumentsWithoutBreaksAreSplitBySize() {
        ParsedDocument document = parsed(parser.parse("long.docx", TestOffice.longDocx(120)));

        assertThat(document.pages()).hasSizeGreaterThan(3);
        for (Page page : document.pages()) {
            int chars = page.blocks().stream().mapToInt(b -> b.text().length()).sum();
            assertThat(chars).isLessThanOrEqualTo(3_000);
        }
        assertThat(document.pages().stream().mapToLong(p -> p.blocks().size()).sum()).isEqualTo(120);
    }

    @Test
    void encryptedDocumentsFailAsEncrypted() {
        byte[] encrypted = TestOffice.encrypt(TestOffice.docx(), "pw");

        assertThat(parser.accepts("secret.docx", encrypted)).isTrue();
        assertThat(parser.parse("secret.docx", encrypted))
                .isEqualTo(ParseResult.failure(ParseFailure.ENCRYPTED, "The document is password-protected."));
    }

    @Test
    void zipBombsAreRefusedBeforeInflating() {
        byte[] bomb = TestOffice.withBombEntry(TestOffice.docx(), 20 * 1024 * 1024);

        ParseResult result = parser.parse("bomb.docx", bomb);

        assertFailure(result, ParseFailure.LIMIT_EXCEEDED);
        assertThat(((ParseResult.Failure) result).message()).contains("zip bomb");
        ParseResult tooMuch = new WordParser(DocumentLimits.defaults().withMaxUncompressedBytes(10_000))
                .parse("big.docx", TestOffice.longDocx(200));
        assertFailure(tooMuch, ParseFailure.LIMIT_EXCEEDED);
    }

    @Test
    void damagedFilesFailWithAReason() throws IOException {
        byte[] docx = TestOffice.docx();

        assertFailure(parser.parse("empty.docx", new byte[0]), ParseFailure.EMPTY);
        assertFailure(parser.parse("cut.docx", Arrays.copyOf(docx, docx.length / 2)), ParseFailure.CORRUPT);
        assertFailure(parser.parse("garbage.doc", "not a word file at all".getBytes()), ParseFailure.CORRUPT);
        // A zeroed Word stream reads as file-format version 0, which POI takes for a pre-97 Word file.
        assertFailure(parser.parse("hollow.doc", oleWithEntry("WordDocument")), ParseFailure.UNSUPPORTED_TYPE);
    }

    @Test
    void wordBinaryControlCharactersBecomeText() {
        String raw = "Total:\u0013 PAGE \\* MERGEFORMAT \u00143\u0015 pages\u0007\rnext\u000bline";

        assertThat(WordParser.cleanDocText(raw)).isEqualTo("Total:3 pages \nnext\nline");
    }

    static byte[] oleWithEntry(String name) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), name);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    static List<String> allTexts(ParsedDocument document) {
        return document.pages().stream().flatMap(p -> texts(p).stream()).toList();
    }
}
