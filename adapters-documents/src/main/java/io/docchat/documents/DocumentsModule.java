package io.docchat.documents;

import io.docchat.core.DocChatBuilder;
import io.docchat.core.DocChatModule;
import java.util.Objects;

/**
 * The document formats of this module for {@code DocChat.builder().install(...)}: every parser (PDF with OCR of
 * scanned pages, images, Word, Excel, HTML) and the page renderers.
 */
public final class DocumentsModule implements DocChatModule {
    private final DocumentLimits limits;
    private final OcrSettings ocr;
    private final OcrProgress progress;

    private DocumentsModule(DocumentLimits limits, OcrSettings ocr, OcrProgress progress) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Every parser and renderer with {@link DocumentLimits#defaults()} and {@link OcrSettings#defaults()}. */
    public static DocumentsModule standard() {
        return new DocumentsModule(DocumentLimits.defaults(), OcrSettings.defaults(), new OcrProgress());
    }

    /** Every parser and renderer with these limits and OCR settings, counting OCR pages in {@code progress}. */
    public static DocumentsModule of(DocumentLimits limits, OcrSettings ocr, OcrProgress progress) {
        return new DocumentsModule(limits, ocr, progress);
    }

    /** The OCR settings the parsers run with (the engine's parse timeout must leave them room). */
    public OcrSettings ocr() {
        return ocr;
    }

    /** The count of pages read by OCR so far. */
    public OcrProgress progress() {
        return progress;
    }

    @Override
    public void contributeTo(DocChatBuilder builder) {
        DocumentParsers.all(limits, ocr, progress).forEach(builder::parser);
        DocumentParsers.renderers(limits).forEach(builder::pageRenderer);
    }
}
