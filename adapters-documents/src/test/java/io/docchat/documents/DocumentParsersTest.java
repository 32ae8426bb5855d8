package io.docchat.documents;

import static io.docchat.documents.PdfParserTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files go to the parser their content calls for, whatever their names say. */
class DocumentParsersTest {

    private final List<DocumentParser> parsers = DocumentParsers.all();

    private List<Class<?>> accepting(String name, byte[] content) {
        return parsers.stream().filter(p -> p.accepts(name, content)).<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void contentDecidesBeforeTheName() throws IOException {
        byte[] pdf = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, List.of(new TestPdfs.Text(72, 72, 12, "x"))));
        byte[] docx = TestOffice.docx();
        byte[] xlsx = ExcelParserTest.workbook(true);
        byte[] xls = ExcelParserTest.workbook(false);
        byte[] html = "<!doctype html><p>hello</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(accepting("really-a-docx.pdf", docx)).containsExactly(WordParser.class);
        assertThat(accepting("really-a-pdf.docx", pdf)).containsExactly(PdfParser.class);
        assertThat(accepting("really-an-xlsx.docx", xlsx)).containsExactly(ExcelParser.class);
        assertThat(accepting("really-an-xls.doc", xls)).containsExactly(ExcelParser.class);
        assertThat(accepting("really-html.xls", html)).containsExactly(HtmlParser.class);
        assertThat(accepting("notes.txt", "just text".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(accepting("readme.md", "# Title\n\ntext".getBytes(StandardCharsets.UTF_8))).isEmpty();

        ParseResult fromDocxNamedPdf = new WordParser().parse("really-a-docx.pdf", docx);
        assertThat(fromDocxNamedPdf).isInstanceOf(ParseResult.Success.class);
        ParseResult fromXlsNamedDoc = new ExcelParser().parse("really-an-xls.doc", xls);
        assertThat(fromXlsNamedDoc).isInstanceOf(ParseResult.Success.class);
    }

    @Test
    void emptyFilesGoByNameAndFailAsEmpty() {
        for (String name : List.of("a.pdf", "a.docx", "a.doc", "a.xlsx", "a.xls", "a.html")) {
            List<DocumentParser> accepting = parsers.stream().filter(p -> p.accepts(name, new byte[0])).toList();
            assertThat(accepting).as(name).hasSize(1);
            assertFailure(accepting.get(0).parse(name, new byte[0]), ParseFailure.EMPTY);
        }
    }

    @Test
    void aWordFileWithoutTextIsEmpty() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.write(out);
        }

        assertFailure(new WordParser().parse("blank.docx", out.toByteArray()), ParseFailure.EMPTY);
    }

    @Test
    void anInterruptedParseStopsWithATimeout() throws IOException {
        byte[] pdf = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, List.of(new TestPdfs.Text(72, 72, 12, "x"))));
        byte[] docx = TestOffice.docx();
        byte[] xlsx = ExcelParserTest.workbook(true);
        byte[] html = "<html><body><p>hello</p></body></html>".getBytes(StandardCharsets.UTF_8);
        List<ParseResult> results = new java.util.ArrayList<>();
        // The engine enforces its per-document timeout by interrupting the parsing thread.
        Thread.currentThread().interrupt();
        try {
            results.add(new PdfParser().parse("a.pdf", pdf));
            results.add(new WordParser().parse("a.docx", docx));
            results.add(new ExcelParser().parse("a.xlsx", xlsx));
            results.add(new HtmlParser().parse("a.html", html));
        } finally {
            Thread.interrupted();
        }

        assertThat(results).allSatisfy(result -> assertFailure(result, ParseFailure.TIMEOUT));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void randomBytesNeverThrowWhateverTheName(long seed) {
        Random random = new Random(seed);
        byte[] junk = new byte[1 + random.nextInt(20_000)];
        random.nextBytes(junk);
        for (String name : List.of("a.pdf", "a.docx", "a.doc", "a.xlsx", "a.xls")) {
            for (DocumentParser parser : parsers) {
                if (parser.accepts(name, junk)) {
                    ParseResult result = parser.parse(name, junk);
                    assertThat(result).as(name).isInstanceOf(ParseResult.Failure.class);
                    assertThat(((ParseResult.Failure) result).message()).isNotBlank();
                }
            }
        }
    }
}
