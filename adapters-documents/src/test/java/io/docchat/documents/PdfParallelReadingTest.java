package io.docchat.documents;

import static io.docchat.documents.TestPdfs.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Page;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A long PDF read in page ranges on several threads reads exactly as on one. */
class PdfParallelReadingTest {
    private static final int PAGES = 3 * PdfParser.PAGES_PER_THREAD + 5;
    private static final byte[] BOOK = book(new Random(7));

    private static byte[] book(Random random) {
        List<TestPdfs.PageSpec> pages = new ArrayList<>();
        String[] words = {"turbine", "valve", "pressure", "inspection", "schedule", "boiler", "pump", "filter"};
        for (int p = 1; p <= PAGES; p++) {
            List<String> lines = new ArrayList<>();
            lines.add("Chapter " + p);
            for (int l = 0; l < 1 + random.nextInt(12); l++) {
                StringBuilder line = new StringBuilder("Page " + p + " line " + l);
                for (int w = 0; w < 4 + random.nextInt(5); w++) {
                    line.append(' ').append(words[random.nextInt(words.length)]);
                }
                lines.add(line.toString());
            }
            pages.add(new TestPdfs.PageSpec(612, 792, p % 7 == 0 ? 90 : 0, column(72, 90, 11, 14, lines)));
        }
        return TestPdfs.pdf(pages.toArray(TestPdfs.PageSpec[]::new));
    }

    private static PdfParser parser(int readers, DocumentLimits limits) {
        return new PdfParser(limits, OcrSettings.disabled(), new OcrProgress(), readers);
    }

    private static List<Page> pages(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Success.class);
        ParsedDocument document = ((ParseResult.Success) result).document();
        return document.pages();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void pagesReadOnSeveralThreadsEqualThoseReadOnOne(int readers) {
        List<Page> alone = pages(parser(1, DocumentLimits.defaults()).parse("book.pdf", BOOK));
        List<Page> shared = pages(parser(readers, DocumentLimits.defaults()).parse("book.pdf", BOOK));

        assertThat(alone).hasSize(PAGES);
        assertThat(alone.get(PAGES - 1).number()).isEqualTo(PAGES);
        assertThat(shared).isEqualTo(alone);
    }

    @Test
    void theTextLimitCountsEveryRangeTogether() {
        int[] total = {0};
        pages(parser(1, DocumentLimits.defaults()).parse("book.pdf", BOOK)).forEach(page -> page.blocks()
                .forEach(block -> block.lines().forEach(line -> total[0] += line.text().length())));
        DocumentLimits d = DocumentLimits.defaults();
        // Every range on its own is under this limit, the whole book is over it.
        DocumentLimits limits = new DocumentLimits(d.maxFileBytes(), d.maxPages(), total[0] - 1, d.minInflateRatio(),
                d.maxUncompressedBytes(), d.pdfMainMemoryBytes(), d.pdfScratchBytes(), d.wordPageChars(),
                d.maxRenderPixels());

        ParseResult result = parser(3, limits).parse("book.pdf", BOOK);

        assertThat(result).isInstanceOfSatisfying(ParseResult.Failure.class,
                failure -> assertThat(failure.kind()).isEqualTo(ParseFailure.LIMIT_EXCEEDED));
    }
}
