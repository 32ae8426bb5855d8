package io.docchat.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * The pages (frames) of a PNG, JPEG or TIFF file, read one at a time with the JDK's image readers so that a
 * multi-page TIFF never sits in memory whole. Each page's size is known before its pixels are decoded, which lets
 * callers refuse decompression bombs.
 */
final class ImageFrames implements AutoCloseable {

    /** Resolution assumed when the file does not state one: one page unit per pixel. */
    static final float UNKNOWN_DPI = 72f;
    private static final float MIN_DPI = 50f;
    private static final float MAX_DPI = 2400f;
    private static final float MM_PER_INCH = 25.4f;

    private final ImageInputStream input;
    private final ImageReader reader;

    private ImageFrames(ImageInputStream input, ImageReader reader) {
        this.input = input;
        this.reader = reader;
    }

    /**
     * @throws IOException when no installed reader understands the bytes
     */
    static ImageFrames open(byte[] content) throws IOException {
        ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content));
        if (input == null) {
            throw new IOException("the image cannot be opened");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            input.close();
            throw new IOException("no image reader understands this file");
        }
        ImageReader reader = readers.next();
        reader.setInput(input, false, false);
        return new ImageFrames(input, reader);
    }

    int count() throws IOException {
        return reader.getNumImages(true);
    }

    int width(int index) throws IOException {
        return reader.getWidth(index);
    }

    int height(int index) throws IOException {
        return reader.getHeight(index);
    }

    BufferedImage read(int index) throws IOException {
        return reader.read(index);
    }

    /** The horizontal resolution the file states for a page, or 0 when it states none (or an implausible one). */
    float dpi(int index) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(index);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return 0;
            }
            Node root = metadata.getAsTree("javax_imageio_1.0");
            Float millimetresPerPixel = horizontalPixelSize(root);
            if (millimetresPerPixel == null || !(millimetresPerPixel > 0)) {
                return 0;
            }
            float dpi = MM_PER_INCH / millimetresPerPixel;
            return dpi >= MIN_DPI && dpi <= MAX_DPI ? dpi : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Float horizontalPixelSize(Node node) {
        if (node instanceof IIOMetadataNode element && "HorizontalPixelSize".equals(element.getNodeName())) {
            String value = element.getAttribute("value");
            try {
                return Float.parseFloat(value);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Float found = horizontalPixelSize(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        input.close();
    }
}
