package io.docchat.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Box;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/** Which pages keep their text layer and which are read by OCR. */
class TextLayerQualityTest {

    private static List<PdfLine> lines(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> new PdfLine(t, new Box(0, 0, 10, 10), 10, false, false)).toList();
    }

    @Test
    void aPageWithoutTextIsReadByOcr() {
        assertThat(TextLayerQuality.needsOcr(List.of(), new PDPage())).isTrue();
    }

    @Test
    void aPageOfOrdinaryTextKeepsItsTextLayer() {
        assertThat(TextLayerQuality.needsOcr(lines("An ordinary line of text", "and another one"), new PDPage()))
                .isFalse();
    }

    @Test
    void aPageOfUnmappedGlyphsIsReadByOcr() {
        assertThat(TextLayerQuality.needsOcr(lines("\uE001\uE002\uE003 \uFFFD\uFFFD ab"), new PDPage())).isTrue();
    }

    @Test
    void aFewCharactersWithoutAnImageAreKept() {
        assertThat(TextLayerQuality.needsOcr(lines("Part II"), new PDPage())).isFalse();
    }

    @Test
    void aFewCharactersOverAnImageAreAScan() {
        TestScans.Scan scan = TestScans.draw(100, 100, TestScans.latinFont(20), 5, 5, 1.5f, List.of("x"));
        byte[] pdf = TestScans.imagePdf(612, 198, null, scan.image());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(TextLayerQuality.needsOcr(lines("12"), document.getPage(0))).isTrue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
