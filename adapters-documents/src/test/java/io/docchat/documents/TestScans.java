package io.docchat.documents;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docchat.core.model.Box;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scanned pages for OCR tests: text drawn into an image at known positions, saved as PNG, JPEG, TIFF or embedded in
 * an image-only PDF page. Also the checks that skip OCR tests, saying so, where Tesseract or a font is missing.
 */
final class TestScans {

    /** A rendered image and where each of its lines was drawn, in image pixels. */
    record Scan(BufferedImage image, List<String> lines, List<Box> boxes) {}

    /** The Simplified Chinese face of Debian's fonts-noto-cjk. */
    private static final Path NOTO_CJK = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    private static Boolean tesseractReady;

    private TestScans() {}

    /** Skips the calling test, with the reason, unless Tesseract and these languages are installed. */
    static void assumeTesseract(String... languages) {
        assumeTrue(tesseractRuns(), "Tesseract is not installed: this OCR test is skipped. "
                + "Install the Debian packages tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim (see .ci/run).");
        Set<String> installed;
        try {
            installed = new TesseractCommand("tesseract").installedLanguages().orElse(Set.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (String language : languages) {
            assumeTrue(installed.contains(language), "Tesseract has no '" + language + "' data: this OCR test is "
                    + "skipped. Install the Debian package " + OcrLanguages.debianPackage(language) + ".");
        }
    }

    private static synchronized boolean tesseractRuns() {
        if (tesseractReady == null) {
            try {
                Process process = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                tesseractReady = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
            } catch (IOException e) {
                tesseractReady = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tesseractReady = false;
            }
        }
        return tesseractReady;
    }

    /** Noto Sans CJK SC at the given pixel size; skips the calling test when fonts-noto-cjk is not installed. */
    static Font chineseFont(float size) {
        assumeTrue(Files.isRegularFile(NOTO_CJK), "The font " + NOTO_CJK + " is missing: this Chinese OCR test is "
                + "skipped. Install the Debian package fonts-noto-cjk.");
        try {
            Font[] faces = Font.createFonts(NOTO_CJK.toFile());
            Optional<Font> simplified = List.of(faces).stream()
                    .filter(f -> f.getFamily().contains("SC") || f.getFontName().contains("SC")).findFirst();
            return simplified.orElse(faces[0]).deriveFont(Font.PLAIN, size);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("Cannot load " + NOTO_CJK, e);
        }
    }

    /** The JDK's sans-serif face at the given pixel size. */
    static Font latinFont(float size) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(size);
    }

    /**
     * Draws black lines of text on white, the first baseline at {@code top + ascent}, one line every
     * {@code lineSpacing} times the font size.
     */
    static Scan draw(int width, int height, Font font, int left, int top, float lineSpacing, List<String> lines) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        List<Box> boxes = new ArrayList<>();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            float baseline = top + metrics.getAscent();
            for (String line : lines) {
                g.drawString(line, left, baseline);
                boxes.add(new Box(left, baseline - metrics.getAscent(), metrics.stringWidth(line),
                        metrics.getAscent() + metrics.getDescent()));
                baseline += font.getSize2D() * lineSpacing;
            }
        } finally {
            g.dispose();
        }
        return new Scan(image, List.copyOf(lines), List.copyOf(boxes));
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multi-page TIFF, one page per image, each stating the given resolution. */
    static byte[] tiff(int dpi, BufferedImage... pages) {
        return tiff(dpi, null, pages);
    }

    /** A bilevel TIFF compressed as fax scanners write it (CCITT Group 4). */
    static byte[] faxTiff(int dpi, BufferedImage page) {
        BufferedImage bilevel = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = bilevel.createGraphics();
        try {
            g.drawImage(page, 0, 0, null);
        } finally {
            g.dispose();
        }
        return tiff(dpi, "CCITT T.6", bilevel);
    }

    private static byte[] tiff(int dpi, String compression, BufferedImage... pages) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (compression != null) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionType(compression);
                }
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(page), param);
                IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
                IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
                horizontal.setAttribute("value", Float.toString(25.4f / dpi));
                IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
                vertical.setAttribute("value", Float.toString(25.4f / dpi));
                dimension.appendChild(horizontal);
                dimension.appendChild(vertical);
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
                root.appendChild(dimension);
                metadata.mergeTree("javax_imageio_1.0", root);
                writer.writeToSequence(new IIOImage(page, null, metadata), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * PDF pages of the given size in points, each showing one image over the whole page and no text; optionally a
     * first page with a text layer.
     */
    static byte[] imagePdf(float width, float height, String textPage, BufferedImage... scans) {
        try (PDDocument document = new PDDocument()) {
            if (textPage != null) {
                PDPage page = new PDPage(new PDRectangle(width, height));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, height - 72);
                    content.showText(textPage);
                    content.endText();
                }
            }
            for (BufferedImage scan : scans) {
                PDPage page = new PDPage(new PDRectangle(width, height));
                document.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(document, scan);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, width, height);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One PDF page showing the image over the whole page with a few characters of real text (a page number). */
    static byte[] imagePdfWithStrayText(float width, float height, String stray, BufferedImage scan) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, width, height);
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 8);
                content.newLineAtOffset(width / 2, 12);
                content.showText(stray);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Share of the expected words (case-insensitive, punctuation ignored) found in the recovered text, in order. */
    static double wordRecall(String expected, String recovered) {
        List<String> want = words(expected);
        List<String> got = words(recovered);
        return want.isEmpty() ? 1.0 : (double) longestCommonSubsequence(want, got) / want.size();
    }

    /** Share of the expected characters (whitespace ignored) found in the recovered text, in order. */
    static double characterRecall(String expected, String recovered) {
        List<String> want = characters(expected);
        List<String> got = characters(recovered);
        return want.isEmpty() ? 1.0 : (double) longestCommonSubsequence(want, got) / want.size();
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                words.add(token);
            }
        }
        return words;
    }

    private static List<String> characters(String text) {
        List<String> chars = new ArrayList<>();
        text.codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(cp -> chars.add(Character.toString(cp)));
        return chars;
    }

    private static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    /** The vertical overlap of two boxes as a share of the smaller one's height. */
    static double verticalOverlap(Box a, Box b) {
        double overlap = Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y());
        return Math.max(0, overlap) / Math.min(a.height(), b.height());
    }

    static boolean overlapsHorizontally(Box a, Box b) {
        return Math.min(a.right(), b.right()) > Math.max(a.x(), b.x());
    }

    static Box scaled(Box box, float factor) {
        return new Box(box.x() * factor, box.y() * factor, box.width() * factor, box.height() * factor);
    }
}
