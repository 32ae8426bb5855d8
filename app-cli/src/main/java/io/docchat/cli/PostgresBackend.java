package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.documents.OcrProgress;
import io.docchat.documents.OcrSettings;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.postgres.PostgresStorage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One node of several sharing a PostgreSQL database: the stores, the original files and the queue of documents to
 * parse are in the database; the passage index is this node's own Lucene replica in the data directory, which follows
 * the database's change log (caught up at start, then every second and before each search).
 */
public final class PostgresBackend implements Backend {
    private static final String URL_SIGNING_KEY = "url-signing-key";

    private final PostgresStorage storage;
    private final DocChat docChat;
    private final byte[] urlSigningKey;
    private final OcrProgress ocrProgress;

    private PostgresBackend(PostgresStorage storage, DocChat docChat, byte[] urlSigningKey, OcrProgress ocrProgress) {
        this.storage = storage;
        this.docChat = docChat;
        this.urlSigningKey = urlSigningKey;
        this.ocrProgress = ocrProgress;
    }

    /** Connects to the database (bringing its schema up to date) and opens this node's replica of the index. */
    public static Backend open(DataHome home, StoreSettings store, ModelSettings model, OcrSettings ocr) {
        PostgresStorage storage = PostgresStorage.open(store.url());
        try {
            OcrProgress ocrProgress = new OcrProgress();
            DocChat docChat = EngineDefaults.builder(model, ocr, ocrProgress)
                    .knowledgeStore(storage.knowledgeStore())
                    .chatStore(storage.chatStore())
                    .accountStore(storage.accountStore())
                    .fileStore(storage.fileStore())
                    .ingestClaims(storage.ingestClaims())
                    .passageIndex(LucenePassageIndex.open(replica(home, storage)))
                    .build();
            return new PostgresBackend(storage, docChat, storage.sharedSecret(URL_SIGNING_KEY, 32), ocrProgress);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** Filed under the database's identity, so a replica is never applied to another database. */
    static Path replica(DataHome home, PostgresStorage storage) {
        return home.root().resolve("replicas").resolve(storage.storeId());
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
    public Optional<byte[]> urlSigningKey() {
        return Optional.of(urlSigningKey.clone());
    }

    @Override
    public void close() {
        try {
            docChat.close();
        } finally {
            storage.close();
        }
    }
}
