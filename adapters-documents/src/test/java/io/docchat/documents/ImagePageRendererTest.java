package io.docchat.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Image pages are drawn at the scale of their page units, the units of the OCR line boxes. */
class ImagePageRendererTest {

    private final ImagePageRenderer renderer = new ImagePageRenderer();

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void drawsAnImageWithoutResolutionAtOnePixelPerUnitTimesTheScale() throws IOException {
        byte[] png = TestScans.png(TestScans.draw(300, 100, TestScans.latinFont(20), 5, 5, 1.5f, List.of("x")).image());

        BufferedImage page = decode(renderer.renderPng("a.png", png, 1, 2f).orElseThrow());

        assertThat(page.getWidth()).isEqualTo(600);
        assertThat(page.getHeight()).isEqualTo(200);
        assertThat(renderer.renderPng("a.png", png, 2, 1f)).isEmpty();
    }

    @Test
    void drawsEachTiffPageInPointsAtItsStatedResolution() throws IOException {
        BufferedImage wide = TestScans.draw(600, 300, TestScans.latinFont(20), 5, 5, 1.5f, List.of("one")).image();
        BufferedImage tall = TestScans.draw(300, 600, TestScans.latinFont(20), 5, 5, 1.5f, List.of("two")).image();
        byte[] tiff = TestScans.tiff(300, wide, tall);

        // 600 px at 300 dpi is 144 points; at 2 pixels per point, 288 pixels.
        BufferedImage second = decode(renderer.renderPng("scan.tif", tiff, 2, 2f).orElseThrow());

        assertThat(renderer.accepts("scan.bin", tiff)).isTrue();
        assertThat(second.getWidth()).isEqualTo(144);
        assertThat(second.getHeight()).isEqualTo(288);
    }

    @Test
    void refusesPagesOverThePixelLimitAndNonPositiveScales() {
        byte[] png = TestScans.png(TestScans.draw(300, 100, TestScans.latinFont(20), 5, 5, 1.5f, List.of("x")).image());
        DocumentLimits small = new DocumentLimits(1 << 20, 10, 1000, 0.01, 1 << 20, 1 << 20, 1 << 20, 3000, 100_000);

        assertThatThrownBy(() -> new ImagePageRenderer(small).renderPng("a.png", png, 1, 4f))
                .isInstanceOf(DocChatException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> renderer.renderPng("a.png", png, 1, 0f)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sniffsImagesByTheirBytesNotTheirNames() {
        BufferedImage image = TestScans.draw(50, 50, TestScans.latinFont(10), 5, 5, 1.5f, List.of("x")).image();

        assertThat(ContentSniffer.kindOf("a.pdf", TestScans.png(image))).isEqualTo(FileKind.PNG);
        assertThat(ContentSniffer.kindOf("a.txt", TestScans.jpeg(image))).isEqualTo(FileKind.JPEG);
        assertThat(ContentSniffer.kindOf("a.doc", TestScans.tiff(300, image))).isEqualTo(FileKind.TIFF);
        assertThat(ContentSniffer.kindOf("scan.TIFF", new byte[] {1, 2, 3})).isEqualTo(FileKind.TIFF);
        assertThat(new PdfPageRenderer().accepts("a.pdf", TestScans.png(image))).isFalse();
    }
}
