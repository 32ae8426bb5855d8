package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.core.files.FileSystemFileStore;
import io.docchat.documents.OcrProgress;
import io.docchat.documents.OcrSettings;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.sqlite.SqliteDatabase;

/**
 * The embedded default: SQLite for the stores, Lucene for the passage index, the original files on disk, every parser
 * (scanned pages and images read by OCR as configured), and the extractive answer model unless an OpenAI-compatible
 * endpoint is configured.
 */
public final class EmbeddedBackend implements Backend {
    private final SqliteDatabase database;
    private final DocChat docChat;
    private final OcrProgress ocrProgress;

    private EmbeddedBackend(SqliteDatabase database, DocChat docChat, OcrProgress ocrProgress) {
        this.database = database;
        this.docChat = docChat;
        this.ocrProgress = ocrProgress;
    }

    /** Opens (creating on first use) the database, index and files of the data directory. */
    public static Backend open(DataHome home, ModelSettings model, OcrSettings ocr) {
        SqliteDatabase database = SqliteDatabase.open(home.database());
        try {
            OcrProgress ocrProgress = new OcrProgress();
            DocChat docChat = EngineDefaults.builder(model, ocr, ocrProgress)
                    .knowledgeStore(database.knowledgeStore())
                    .chatStore(database.chatStore())
                    .accountStore(database.accountStore())
                    .passageIndex(LucenePassageIndex.open(home.index()))
                    .fileStore(new FileSystemFileStore(home.files()))
                    .build();
            return new EmbeddedBackend(database, docChat, ocrProgress);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
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
        try {
            docChat.close();
        } finally {
            database.close();
        }
    }
}
