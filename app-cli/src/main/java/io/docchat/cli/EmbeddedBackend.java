package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.core.files.FileSystemFileStore;
import io.docchat.core.port.AccountStore;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.sqlite.SqliteDatabase;

/**
 * The embedded default: SQLite for the stores, Lucene for the passage index, the original files on disk, every parser,
 * and the extractive answer model unless an OpenAI-compatible endpoint is configured.
 */
public final class EmbeddedBackend implements Backend {
    private final SqliteDatabase database;
    private final DocChat docChat;

    private EmbeddedBackend(SqliteDatabase database, DocChat docChat) {
        this.database = database;
        this.docChat = docChat;
    }

    /** Opens (creating on first use) the database, index and files of the data directory. */
    public static Backend open(DataHome home, ModelSettings model) {
        SqliteDatabase database = SqliteDatabase.open(home.database());
        try {
            DocChat docChat = EngineDefaults.builder(model)
                    .knowledgeStore(database.knowledgeStore())
                    .chatStore(database.chatStore())
                    .accountStore(database.accountStore())
                    .passageIndex(LucenePassageIndex.open(home.index()))
                    .fileStore(new FileSystemFileStore(home.files()))
                    .build();
            return new EmbeddedBackend(database, docChat);
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
    public AccountStore accounts() {
        return database.accountStore();
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
