package io.docchat.documents;

import static io.docchat.documents.PdfParserTest.lines;
import static io.docchat.documents.PdfParserTest.parsed;
import static io.docchat.documents.TestPdfs.Text;
import static io.docchat.documents.TestPdfs.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Box;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextLine;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Line boxes must enclose their glyphs, both as PDFBox positions them and as the renderer draws them. */
class PdfLineBoxTest {

    private static final float SCALE = 2f;

    private static List<Text> sample() {
        List<Text> texts = new ArrayList<>();
        texts.add(new Text(60, 60, 18, "Quarterly figures"));
        texts.addAll(column(60, 100, 10, 13, List.of("Revenue grew in every region, quickly.",
                "Costs fell (slightly) by year end; jumpy quips.", "Margins improved: 12% vs 9%.")));
        texts.add(new Text(60, 160, 10, "Region"));
        texts.add(new Text(200, 160, 10, "Growth"));
        texts.add(new Text(60, 174, 10, "North"));
        texts.add(new Text(200, 174, 10, "4.2%"));
        texts.add(new Text(320, 300, 7, "Small print at the side"));
        return texts;
    }

    @Test
    void everyGlyphPdfBoxPositionsLiesInsideItsLineBox() throws IOException {
        byte[] pdf = TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, 0, sample()));
        List<TextLine> lines = lines(parsed(new PdfParser().parse("boxes.pdf", pdf)).pages().get(0));
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            };
            stripper.writeText(document, Writer.nullWriter());
        }

        assertThat(glyphs).hasSizeGreaterThan(100);
        for (TextPosition glyph : glyphs) {
            if (glyph.getUnicode().isBlank()) {
                continue;
            }
            float centerX = glyph.getXDirAdj() + glyph.getWidthDirAdj() / 2;
            float centerY = glyph.getYDirAdj() - glyph.getHeightDir() / 2;
            assertThat(lines).as("a line box around '%s' at %.1f,%.1f", glyph.getUnicode(), centerX, centerY)
                    .anySatisfy(line -> {
                        assertThat(line.text()).contains(glyph.getUnicode());
                        assertThat(contains(line.box(), centerX, centerY, 0)).isTrue();
                        assertThat(contains(line.box(), glyph.getXDirAdj() + 0.5f, glyph.getYDirAdj() - 0.5f,
                                0)).isTrue();
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void theRenderedPageShowsTextOnlyInsideLineBoxes(int rotation) throws IOException {
        assertInkOnlyInsideLineBoxes(TestPdfs.pdf(new TestPdfs.PageSpec(612, 792, rotation, sample())));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90})
    void aCropBoxAwayFromTheOriginMovesBoxesWithTheDisplayedPage(int rotation) throws IOException {
        PDDocument document = TestPdfs.document(new TestPdfs.PageSpec(612, 792, rotation, sample()));
        var page = document.getPage(0);
        var media = page.getMediaBox();
        float cropWidth = media.getWidth() - 50;
        float cropHeight = media.getHeight() - 70;
        page.setCropBox(new PDRectangle(30, 40, cropWidth, cropHeight));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (document) {
            document.save(out);
        }

        Page parsed = assertInkOnlyInsideLineBoxes(out.toByteArray());

        assertThat(parsed.width()).isEqualTo(rotation == 90 ? cropHeight : cropWidth);
        assertThat(parsed.height()).isEqualTo(rotation == 90 ? cropWidth : cropHeight);
    }

    private static Page assertInkOnlyInsideLineBoxes(byte[] pdf) throws IOException {
        Page page = parsed(new PdfParser().parse("boxes.pdf", pdf)).pages().get(0);
        byte[] png = new PdfPageRenderer().renderPng("boxes.pdf", pdf, 1, SCALE).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(Math.round(page.width() * SCALE));
        assertThat(image.getHeight()).isEqualTo(Math.round(page.height() * SCALE));
        List<TextLine> lines = lines(page);
        assertThat(lines).hasSize(7);
        int dark = 0;
        int inside = 0;
        int[] perLine = new int[lines.size()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (!isDark(image.getRGB(x, y))) {
                    continue;
                }
                dark++;
                boolean in = false;
                for (int i = 0; i < lines.size(); i++) {
                    if (contains(lines.get(i).box(), (x + 0.5f) / SCALE, (y + 0.5f) / SCALE, 1f / SCALE)) {
                        perLine[i]++;
                        in = true;
                    }
                }
                if (in) {
                    inside++;
                }
            }
        }
        assertThat(dark).isGreaterThan(1000);
        assertThat(inside).as("dark pixels inside line boxes").isGreaterThanOrEqualTo((int) (dark * 0.995));
        for (int i = 0; i < lines.size(); i++) {
            Box box = lines.get(i).box();
            float area = box.width() * box.height() * SCALE * SCALE;
            assertThat(perLine[i]).as("ink inside the box of '%s'", lines.get(i).text())
                    .isGreaterThan((int) (area * 0.05));
        }
        return page;
    }

    private static boolean isDark(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return r + g + b < 3 * 128;
    }

    private static boolean contains(Box box, float x, float y, float margin) {
        return x >= box.x() - margin && x <= box.right() + margin && y >= box.y() - margin
                && y <= box.bottom() + margin;
    }
}
