package io.docchat.documents;

import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.PageRenderer;
import java.util.List;

/** The parsers of this module, ready to hand to {@code DocChat.builder().parser(...)}. */
public final class DocumentParsers {

    private DocumentParsers() {}

    /** Every parser of this module with {@link DocumentLimits#defaults()} and {@link OcrSettings#defaults()}. */
    public static List<DocumentParser> all() {
        return all(DocumentLimits.defaults());
    }

    /** Every parser of this module with {@link OcrSettings#defaults()}. */
    public static List<DocumentParser> all(DocumentLimits limits) {
        return all(limits, OcrSettings.defaults());
    }

    /**
     * Every parser of this module: PDF (with OCR of scanned pages), PNG/JPEG/TIFF images (by OCR), Word, Excel and
     * HTML, each deciding by content first and name second.
     */
    public static List<DocumentParser> all(DocumentLimits limits, OcrSettings ocr) {
        return all(limits, ocr, new OcrProgress());
    }

    /** As {@link #all(DocumentLimits, OcrSettings)}, counting the pages read by OCR in {@code progress}. */
    public static List<DocumentParser> all(DocumentLimits limits, OcrSettings ocr, OcrProgress progress) {
        return List.of(new PdfParser(limits, ocr, progress), new ImageParser(limits, ocr, progress),
                new WordParser(limits), new ExcelParser(limits), new HtmlParser(limits));
    }

    /** The page renderers of this module: PDF pages and image pages. */
    public static List<PageRenderer> renderers(DocumentLimits limits) {
        return List.of(new PdfPageRenderer(limits), new ImagePageRenderer(limits));
    }
}
