package io.docchat.documents;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.port.PageRenderer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws a page of a PNG, JPEG or TIFF document as a PNG at {@code scale} pixels per page unit, the units of
 * {@link ImageParser}, so that OCR line boxes times the scale land on the text.
 */
public final class ImagePageRenderer implements PageRenderer {

    private final DocumentLimits limits;

    public ImagePageRenderer() {
        this(DocumentLimits.defaults());
    }

    public ImagePageRenderer(DocumentLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public boolean accepts(String fileName, byte[] content) {
        return content != null && content.length > 0 && ContentSniffer.kindOf(fileName, content).isImage();
    }

    /**
     * @throws IllegalArgumentException if the scale is not positive
     * @throws DocChatException         {@code PAYLOAD_TOO_LARGE} (parameter {@code pageNumber}) if either image would
     *                                  exceed {@link DocumentLimits#maxRenderPixels()}
     * @throws UncheckedIOException     if the file cannot be read as an image
     */
    @Override
    public Optional<byte[]> renderPng(String fileName, byte[] content, int pageNumber, float scale) {
        if (!(scale > 0) || Float.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive, was " + scale);
        }
        try (ImageFrames frames = ImageFrames.open(content)) {
            if (pageNumber < 1 || pageNumber > frames.count()) {
                return Optional.empty();
            }
            int index = pageNumber - 1;
            float factor = ImageGeometry.unitsPerPixel(frames.dpi(index)) * scale;
            int width = Math.max(1, Math.round(frames.width(index) * factor));
            int height = Math.max(1, Math.round(frames.height(index) * factor));
            long source = (long) frames.width(index) * frames.height(index);
            if (source > limits.maxRenderPixels() || (long) width * height > limits.maxRenderPixels()) {
                throw new DocChatException(ErrorCode.PAYLOAD_TOO_LARGE, "pageNumber", "Page " + pageNumber
                        + " at scale " + scale + " would exceed the limit of " + limits.maxRenderPixels() + " pixels.",
                        null);
            }
            BufferedImage image = frames.read(index);
            BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, width, height);
                g.drawImage(image, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
            ImageIO.write(scaled, "png", png);
            return Optional.of(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render page " + pageNumber + " of " + fileName, e);
        }
    }
}
