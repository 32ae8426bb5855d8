package io.docchat.http;

import io.docchat.core.port.PageRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Draws blank PNG pages of {@link LaidOutTextParser}'s size at the requested scale. */
final class BlankPageRenderer implements PageRenderer {

    @Override
    public boolean accepts(String fileName, byte[] content) {
        return fileName.endsWith(".layout");
    }

    @Override
    public Optional<byte[]> renderPng(String fileName, byte[] content, int pageNumber, float scale) {
        BufferedImage image = new BufferedImage(Math.round(LaidOutTextParser.PAGE_WIDTH * scale),
                Math.round(LaidOutTextParser.PAGE_HEIGHT * scale), BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(png.toByteArray());
    }
}
