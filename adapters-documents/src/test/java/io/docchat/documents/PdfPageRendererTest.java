package io.docchat.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PdfPageRendererTest {

    private final byte[] twoPages = TestPdfs.pdf(
            new TestPdfs.PageSpec(612, 792, 0, List.of(new TestPdfs.Text(72, 72, 12, "one"))),
            new TestPdfs.PageSpec(400, 300, 90, List.of(new TestPdfs.Text(72, 72, 12, "two"))));

    @Test
    void rendersTheRequestedPageAtTheRequestedScaleAsDisplayed() throws IOException {
        PdfPageRenderer renderer = new PdfPageRenderer();

        BufferedImage first = ImageIO.read(new ByteArrayInputStream(
                renderer.renderPng("a.pdf", twoPages, 1, 2f).orElseThrow()));
        BufferedImage second = ImageIO.read(new ByteArrayInputStream(
                renderer.renderPng("a.pdf", twoPages, 2, 1.5f).orElseThrow()));

        assertThat(first.getWidth()).isEqualTo(1224);
        assertThat(first.getHeight()).isEqualTo(1584);
        assertThat(second.getWidth()).isEqualTo(600);
        assertThat(second.getHeight()).isEqualTo(450);
    }

    @Test
    void pagesThatDoNotExistAreEmpty() {
        PdfPageRenderer renderer = new PdfPageRenderer();

        assertThat(renderer.renderPng("a.pdf", twoPages, 0, 1f)).isEmpty();
        assertThat(renderer.renderPng("a.pdf", twoPages, 3, 1f)).isEmpty();
    }

    @Test
    void refusesImagesLargerThanTheLimitAndNonPositiveScales() {
        DocumentLimits small = new DocumentLimits(1 << 20, 10, 1000, 0.01, 1 << 20, 1 << 20, 1 << 20, 3000,
                1_000_000);
        PdfPageRenderer renderer = new PdfPageRenderer(small);

        assertThatThrownBy(() -> renderer.renderPng("a.pdf", twoPages, 1, 4f))
                .isInstanceOf(DocChatException.class).hasMessageContaining("limit")
                .satisfies(e -> assertThat(((DocChatException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        assertThatThrownBy(() -> renderer.renderPng("a.pdf", twoPages, 1, 0f))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(renderer.renderPng("a.pdf", twoPages, 1, 1f)).isPresent();
    }

    @Test
    void acceptsPdfContentWhateverItsName() {
        PdfPageRenderer renderer = new PdfPageRenderer();

        assertThat(renderer.accepts("scan.bin", twoPages)).isTrue();
        assertThat(renderer.accepts("notes.pdf", new byte[0])).isFalse();
        assertThat(renderer.accepts("notes.txt", "plain text".getBytes())).isFalse();
    }
}
