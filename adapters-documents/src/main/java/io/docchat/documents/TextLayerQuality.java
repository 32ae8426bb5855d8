package io.docchat.documents;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Decides per PDF page whether its text layer is worth keeping or the page must be read by OCR: a page without text,
 * a scanned page with only a few stray characters (a page number, a stamp), and a page whose text is mostly
 * characters no font mapped to Unicode are read by OCR; every other page keeps its text layer.
 */
final class TextLayerQuality {

    /** A page showing an image with fewer visible characters than this is a scan with stray text. */
    static final int FEW_CHARS = 20;
    /** A text layer with more unreadable characters than this share is garbage. */
    static final double GARBAGE_SHARE = 0.3;
    private static final int FORM_DEPTH = 3;

    private TextLayerQuality() {}

    /** True when OCR should replace the page's text layer. */
    static boolean needsOcr(List<PdfLine> lines, PDPage page) {
        int visible = 0;
        int unreadable = 0;
        for (PdfLine line : lines) {
            String text = line.text();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isWhitespace(cp) || cp == '|') {
                    continue;
                }
                visible++;
                if (isUnreadable(cp)) {
                    unreadable++;
                }
            }
        }
        if (visible == 0) {
            return true;
        }
        if (unreadable > GARBAGE_SHARE * visible) {
            return true;
        }
        return visible < FEW_CHARS && showsImage(page);
    }

    /** Replacement characters, private-use code points and control characters: glyphs without real Unicode. */
    static boolean isUnreadable(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint == 0xFFFD || type == Character.PRIVATE_USE || type == Character.CONTROL
                || type == Character.UNASSIGNED || type == Character.SURROGATE;
    }

    private static boolean showsImage(PDPage page) {
        try {
            return holdsImage(page.getResources(), FORM_DEPTH);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean holdsImage(PDResources resources, int depth) throws IOException {
        if (resources == null || depth == 0) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject) {
                return true;
            }
            if (object instanceof PDFormXObject form && holdsImage(form.getResources(), depth - 1)) {
                return true;
            }
        }
        return false;
    }
}
