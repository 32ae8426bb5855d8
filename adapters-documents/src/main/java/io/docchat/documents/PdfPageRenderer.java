package io.docchat.documents;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.port.PageRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Draws one page of a PDF as a PNG at exactly {@code scale} pixels per PDF point, the crop box as displayed (with
 * /Rotate applied), so that the line boxes of {@link PdfParser} multiplied by the scale land on the rendered text.
 * Each call opens the document with bounded memory (buffers beyond the limit spill to scratch files), draws the one
 * page and closes it: nothing is cached between calls.
 */
public final class PdfPageRenderer implements PageRenderer {

    private final DocumentLimits limits;

    public PdfPageRenderer() {
        this(DocumentLimits.defaults());
    }

    public PdfPageRenderer(DocumentLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public boolean accepts(String fileName, byte[] content) {
        return content != null && content.length > 0 && ContentSniffer.kindOf(fileName, content) == FileKind.PDF;
    }

    /**
     * @throws IllegalArgumentException if the scale is not positive
     * @throws DocChatException         {@code PAYLOAD_TOO_LARGE} (parameter {@code pageNumber}) if the image would
     *                                  exceed {@link DocumentLimits#maxRenderPixels()}: a page with a huge MediaBox
     * @throws UncheckedIOException     if the file cannot be read as a PDF
     */
    @Override
    public Optional<byte[]> renderPng(String fileName, byte[] content, int pageNumber, float scale) {
        if (!(scale > 0) || Float.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive, was " + scale);
        }
        try (PDDocument document = PdfParser.load(content, limits)) {
            if (pageNumber < 1 || pageNumber > document.getNumberOfPages()) {
                return Optional.empty();
            }
            PDPage page = document.getPage(pageNumber - 1);
            PDRectangle crop = page.getCropBox();
            double pixels = (double) crop.getWidth() * scale * crop.getHeight() * scale;
            if (pixels > limits.maxRenderPixels()) {
                throw new DocChatException(ErrorCode.PAYLOAD_TOO_LARGE, "pageNumber", "Page " + pageNumber
                        + " at scale " + scale + " would be " + (long) pixels + " pixels; the limit is "
                        + limits.maxRenderPixels() + ".", null);
            }
            PDFRenderer renderer = new PDFRenderer(document);
            BufferedImage image = renderer.renderImage(pageNumber - 1, scale, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
            ImageIO.write(image, "png", png);
            image.flush();
            return Optional.of(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render page " + pageNumber + " of " + fileName, e);
        }
    }
}
