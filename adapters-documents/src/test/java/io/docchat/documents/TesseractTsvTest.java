package io.docchat.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Box;
import org.junit.jupiter.api.Test;

/** Tesseract's TSV rows become lines of words with pixel boxes, mapped to page units by the page's scale. */
class TesseractTsvTest {

    private static final String HEADER =
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    @Test
    void groupsWordsIntoLinesWithTheLineBoxAndConfidences() {
        String tsv = HEADER
                + "1\t1\t0\t0\t0\t0\t0\t0\t1000\t500\t-1\t\n"
                + "2\t1\t1\t0\t0\t0\t100\t50\t600\t120\t-1\t\n"
                + "3\t1\t1\t1\t0\t0\t100\t50\t600\t120\t-1\t\n"
                + "4\t1\t1\t1\t1\t0\t100\t50\t400\t40\t-1\t\n"
                + "5\t1\t1\t1\t1\t1\t100\t52\t150\t38\t96.5\tHello\n"
                + "5\t1\t1\t1\t1\t2\t270\t50\t230\t40\t41.0\twrold\n"
                + "4\t1\t1\t1\t2\t0\t100\t130\t300\t40\t-1\t\n"
                + "5\t1\t1\t1\t2\t1\t100\t130\t300\t40\t90\t \n"
                + "4\t1\t1\t2\t1\t0\t100\t200\t200\t40\t-1\t\n"
                + "5\t1\t1\t2\t1\t1\t100\t200\t200\t40\t88\tagain\n";

        OcrPageText page = TesseractTsv.parse(tsv, 1, 1);

        assertThat(page.imageWidth()).isEqualTo(1000);
        assertThat(page.lines()).hasSize(2);
        OcrLine first = page.lines().get(0);
        assertThat(first.text()).isEqualTo("Hello wrold");
        assertThat(first.words()).extracting(OcrWord::confidence).containsExactly(96.5f, 41.0f);
        assertThat(first.left()).isEqualTo(100);
        assertThat(first.height()).isEqualTo(40);
        assertThat(page.lines().get(1).sameParagraph(first)).isFalse();

        PdfPageCollector.CollectedPage collected = DocumentOcr.collected(3, 250f, 125f, 0, page);
        assertThat(collected.number()).isEqualTo(3);
        assertThat(collected.lines().get(0).box()).isEqualTo(new Box(25f, 12.5f, 100f, 10f));
        assertThat(collected.lines().get(1).startsParagraph()).isTrue();
    }

    @Test
    void joinsChineseWordsWithoutSpacesAndLatinWordsWithSpaces() {
        String tsv = HEADER
                + "4\t1\t1\t1\t1\t0\t0\t0\t500\t40\t-1\t\n"
                + "5\t1\t1\t1\t1\t1\t0\t0\t40\t40\t91\t中文\n"
                + "5\t1\t1\t1\t1\t2\t40\t0\t40\t40\t92\t识别\n"
                + "5\t1\t1\t1\t1\t3\t80\t0\t90\t40\t93\tOCR\n"
                + "5\t1\t1\t1\t1\t4\t170\t0\t90\t40\t93\ttest\n";

        OcrPageText page = TesseractTsv.parse(tsv, 500, 40);

        assertThat(page.lines()).singleElement().extracting(OcrLine::text).isEqualTo("中文识别 OCR test");
    }

    @Test
    void skipsGarbledRowsAndStopsAtTheSecondPage() {
        String tsv = HEADER
                + "not a row\n"
                + "5\t1\t1\t1\t1\t1\t0\t0\tx\t40\t91\tone\n"
                + "5\t2\t1\t1\t1\t1\t0\t0\t40\t40\t91\ttwo\n";

        OcrPageText page = TesseractTsv.parse(tsv, 10, 10);

        assertThat(page.words()).extracting(OcrWord::text).containsExactly("one");
    }
}
