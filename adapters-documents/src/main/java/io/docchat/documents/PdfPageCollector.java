package io.docchat.documents;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Runs PDFBox's text extraction but replaces its line building: every glyph is placed on the displayed page (crop
 * box, /Rotate applied) and handed to {@link PdfPageLayout}. One instance reads one document.
 */
final class PdfPageCollector extends PDFTextStripper {

    /** What one page produced. */
    record CollectedPage(int number, float width, float height, int rotation, List<PdfLine> lines) {}

    private static final float DEFAULT_ASCENT = 0.85f;
    private static final float DEFAULT_DESCENT = 0.22f;

    private final long maxTextChars;
    private final List<CollectedPage> pages = new ArrayList<>();
    private final Map<PDFont, float[]> fontMetrics = new IdentityHashMap<>();
    private final float[] frame = new float[4];
    private final float[] display = new float[4];
    private final Overprints overprints = new Overprints();
    private long textChars;

    PdfPageCollector(long maxTextChars) {
        this.maxTextChars = maxTextChars;
        setSortByPosition(false);
        // PDFBox drops glyphs painted over their like by searching sorted maps; processTextPosition applies the same
        // rule through a grid (Overprints) at a fraction of the cost.
        setSuppressDuplicateOverlappingText(false);
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        overprints.clear();
        super.processPage(page);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        String unicode = text.getUnicode();
        if (unicode == null || !overprints.repeats(unicode, text.getX(), text.getY(), text.getWidth())) {
            super.processTextPosition(text);
        }
    }

    List<CollectedPage> pages() {
        return pages;
    }

    @Override
    protected void writePage() throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("PDF parsing was interrupted");
        }
        PDPage page = getCurrentPage();
        PDRectangle crop = page.getCropBox();
        int rotation = ((page.getRotation() % 360) + 360) % 360;
        rotation = (rotation / 90) * 90;
        float width = crop.getWidth();
        float height = crop.getHeight();
        boolean sideways = rotation == 90 || rotation == 270;
        float displayWidth = sideways ? height : width;
        float displayHeight = sideways ? width : height;

        List<PdfGlyph> glyphs = new ArrayList<>();
        int sequence = 0;
        boolean pendingSpace = false;
        for (List<TextPosition> article : getCharactersByArticle()) {
            for (TextPosition tp : article) {
                String unicode = tp.getUnicode();
                if (unicode == null || unicode.isEmpty()) {
                    continue;
                }
                if (unicode.isBlank()) {
                    pendingSpace = true;
                    continue;
                }
                PdfGlyph glyph = glyph(tp, normalize(unicode), sequence++, pendingSpace, rotation, width, height);
                pendingSpace = false;
                // Text outside the crop box (printers' slugs, crop marks) is not on the displayed page.
                if (glyph != null && glyph.right > 0 && glyph.bottom > 0 && glyph.left < displayWidth
                        && glyph.top < displayHeight) {
                    glyphs.add(glyph);
                }
            }
        }
        List<PdfLine> lines = PdfPageLayout.lines(glyphs);
        for (PdfLine line : lines) {
            textChars += line.text().length();
        }
        if (textChars > maxTextChars) {
            throw new TextLimitException(maxTextChars);
        }
        pages.add(new CollectedPage(getCurrentPageNo(), displayWidth, displayHeight, rotation, lines));
    }

    private PdfGlyph glyph(TextPosition tp, String text, int sequence, boolean spaceBefore, int rotation,
                           float pageWidth, float pageHeight) {
        Matrix m = tp.getTextMatrix();
        float ox = m.getTranslateX();
        float oy = m.getTranslateY();
        float ax = tp.getEndX() - ox;
        float ay = tp.getEndY() - oy;
        float ux = m.getShearX();
        float uy = m.getScaleY();
        float size = (float) Math.hypot(ux, uy);
        if (!(size > 0) || Float.isNaN(ax) || Float.isNaN(ay)) {
            return null;
        }
        if (ax == 0 && ay == 0) {
            // Zero advance (a combining mark or a zero-width glyph): give it a sliver along the baseline direction.
            float scale = 0.01f * size / Math.max(1e-6f, (float) Math.hypot(m.getScaleX(), m.getShearY()));
            ax = m.getScaleX() * scale;
            ay = m.getShearY() * scale;
        }
        float[] metrics = fontMetrics.computeIfAbsent(tp.getFont(), PdfPageCollector::metrics);
        float ascentX = ux * metrics[0];
        float ascentY = uy * metrics[0];
        float descentX = -ux * metrics[1];
        float descentY = -uy * metrics[1];

        // Direction of writing on the displayed page decides the frame in which layout happens.
        float dax = displayDx(ax, ay, rotation);
        float day = displayDy(ax, ay, rotation);
        int direction;
        if (Math.abs(dax) >= Math.abs(day)) {
            direction = dax >= 0 ? 0 : 2;
        } else {
            direction = day > 0 ? 1 : 3;
        }
        float fax = direction == 0 ? 1 : direction == 2 ? -1 : 0;
        float fay = direction == 1 ? 1 : direction == 3 ? -1 : 0;
        // The frame's downward axis is the writing direction turned a quarter clockwise on screen.
        float fdx = -fay;
        float fdy = fax;

        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        float minFx = Float.MAX_VALUE;
        float minFy = Float.MAX_VALUE;
        float maxFx = -Float.MAX_VALUE;
        float maxFy = -Float.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            float px = ox + ((corner & 1) == 0 ? 0 : ax) + ((corner & 2) == 0 ? ascentX : descentX);
            float py = oy + ((corner & 1) == 0 ? 0 : ay) + ((corner & 2) == 0 ? ascentY : descentY);
            float dx = displayX(px, py, rotation, pageWidth, pageHeight);
            float dy = displayY(px, py, rotation, pageWidth, pageHeight);
            minX = Math.min(minX, dx);
            maxX = Math.max(maxX, dx);
            minY = Math.min(minY, dy);
            maxY = Math.max(maxY, dy);
            float fx = dx * fax + dy * fay;
            float fy = dx * fdx + dy * fdy;
            minFx = Math.min(minFx, fx);
            maxFx = Math.max(maxFx, fx);
            minFy = Math.min(minFy, fy);
            maxFy = Math.max(maxFy, fy);
        }
        float originX = displayX(ox, oy, rotation, pageWidth, pageHeight);
        float originY = displayY(ox, oy, rotation, pageWidth, pageHeight);
        float baseline = originX * fdx + originY * fdy;
        frame[0] = minFx;
        frame[1] = minFy;
        frame[2] = maxFx;
        frame[3] = maxFy;
        display[0] = minX;
        display[1] = minY;
        display[2] = maxX;
        display[3] = maxY;
        return new PdfGlyph(text, sequence, spaceBefore, direction, size, tp.getWidthOfSpace(), baseline, frame,
                display);
    }

    // User space (crop box origin, y up) to the displayed page (origin top-left, y down), per /Rotate.
    private static float displayX(float x, float y, int rotation, float w, float h) {
        return switch (rotation) {
            case 90 -> y;
            case 180 -> w - x;
            case 270 -> h - y;
            default -> x;
        };
    }

    private static float displayY(float x, float y, int rotation, float w, float h) {
        return switch (rotation) {
            case 90 -> x;
            case 180 -> y;
            case 270 -> w - x;
            default -> h - y;
        };
    }

    private static float displayDx(float dx, float dy, int rotation) {
        return switch (rotation) {
            case 90 -> dy;
            case 180 -> -dx;
            case 270 -> -dy;
            default -> dx;
        };
    }

    private static float displayDy(float dx, float dy, int rotation) {
        return switch (rotation) {
            case 90 -> dx;
            case 180 -> dy;
            case 270 -> -dx;
            default -> -dy;
        };
    }

    private static float[] metrics(PDFont font) {
        float ascent = DEFAULT_ASCENT;
        float descent = DEFAULT_DESCENT;
        PDFontDescriptor descriptor = font == null ? null : font.getFontDescriptor();
        if (descriptor != null) {
            float a = descriptor.getAscent() / 1000f;
            float d = Math.abs(descriptor.getDescent()) / 1000f;
            if (a >= 0.5f && a <= 1.2f) {
                ascent = a;
            }
            if (d >= 0.05f && d <= 0.45f) {
                descent = d;
            }
        }
        return new float[] {ascent, descent};
    }

    /** Presentation forms such as the "fi" ligature become plain letters, so text is searchable as typed. */
    private static String normalize(String unicode) {
        for (int i = 0; i < unicode.length(); i++) {
            char c = unicode.charAt(i);
            if ((c >= 0xFB00 && c <= 0xFB06) || c == 0x00A0 || (c >= 0x2000 && c <= 0x200B)) {
                return Normalizer.normalize(unicode, Normalizer.Form.NFKC).replace('\u00A0', ' ');
            }
        }
        return unicode;
    }

    /** Thrown when the document holds more text than the limits allow. */
    static final class TextLimitException extends IOException {
        TextLimitException(long limit) {
            super("The document has more than " + limit + " characters of text.");
        }
    }
}
