package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.documents.OcrProgress;
import io.docchat.documents.OcrSettings;
import io.docchat.embedded.EmbeddedStack;
import io.docchat.sqlite.SqliteNativeLibrary;

/**
 * The embedded default ({@link EmbeddedStack}: SQLite, Lucene, files on disk, every document format with scanned
 * pages and images read by OCR as configured) on the data directory, with the extractive answer model unless an
 * OpenAI-compatible endpoint is configured, and hybrid retrieval with the bundled embedding models unless another
 * embedding endpoint or retrieval mode is configured.
 */
public final class EmbeddedBackend implements Backend {
    private final DocChat docChat;
    private final OcrProgress ocrProgress;

    private EmbeddedBackend(DocChat docChat, OcrProgress ocrProgress) {
        this.docChat = docChat;
        this.ocrProgress = ocrProgress;
    }

    /** Opens (creating on first use) the database, index and files of the data directory. */
    public static Backend open(DataHome home, ModelSettings model, OcrSettings ocr) {
        return open(home, model, ocr, null);
    }

    /** As {@link #open(DataHome, ModelSettings, OcrSettings)}, preparing for a first question (or null). */
    public static Backend open(DataHome home, ModelSettings model, OcrSettings ocr, String firstQuestion) {
        // Before the store opens: SQLite JDBC chooses its native library when it first loads.
        model.cacheDirectory().ifPresent(SqliteNativeLibrary::useCopyIn);
        OcrProgress ocrProgress = new OcrProgress();
        DocChat docChat = EngineDefaults.builder(model, ocr, firstQuestion)
                .install(EmbeddedStack.open(home.root(), EngineDefaults.documents(ocr, ocrProgress)))
                .build();
        return new EmbeddedBackend(docChat, ocrProgress);
    }

    @Override
    public DocChat docChat() {
        return docChat;
    }

    @Override
    public long ocrPagesRead() {
        return ocrProgress.pagesRead();
    }

    @Override
    public void close() {
        docChat.close();
    }
}
