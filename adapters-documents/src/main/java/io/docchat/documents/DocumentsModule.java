package io.docchat.documents;

import io.docchat.core.DocChatBuilder;
import io.docchat.core.DocChatModule;
import java.util.Objects;

/**
 * The document formats of this module for {@code DocChat.builder().install(...)}: every parser (PDF, Word, Excel,
 * HTML) and the PDF page renderer.
 */
public final class DocumentsModule implements DocChatModule {
    private final DocumentLimits limits;

    private DocumentsModule(DocumentLimits limits) {
        this.limits = limits;
    }

    /** Every parser with {@link DocumentLimits#defaults()}, and the page renderer. */
    public static DocumentsModule standard() {
        return new DocumentsModule(DocumentLimits.defaults());
    }

    /** Every parser with these limits, and the page renderer. */
    public static DocumentsModule withLimits(DocumentLimits limits) {
        return new DocumentsModule(Objects.requireNonNull(limits, "limits"));
    }

    @Override
    public void contributeTo(DocChatBuilder builder) {
        DocumentParsers.all(limits).forEach(builder::parser);
        builder.pageRenderer(new PdfPageRenderer(limits));
    }
}
