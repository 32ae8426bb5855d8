package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatBuilder;
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
        return open(home, store, model, ocr, null);
    }

    /** As {@link #open(DataHome, StoreSettings, ModelSettings, OcrSettings)}, preparing for a first question. */
    public static Backend open(DataHome home, StoreSettings store, ModelSettings model, OcrSettings ocr,
                               String firstQuestion) {
        PostgresStorage storage = PostgresStorage.open(store.url());
        DocChatBuilder builder;
        byte[] urlSigningKey;
        OcrProgress ocrProgress = new OcrProgress();
        try {
            urlSigningKey = storage.sharedSecret(URL_SIGNING_KEY, 32);
            builder = EngineDefaults.builder(model, ocr, firstQuestion)
                    .install(storage)
                    .install(EngineDefaults.documents(ocr, ocrProgress))
                    .passageIndex(LucenePassageIndex.open(replica(home, storage)));
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
        // From here the engine owns the storage and closes it, also when it fails to start.
        return new PostgresBackend(storage, builder.build(), urlSigningKey, ocrProgress);
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

    /** Closes the engine, which closes the storage and the replica. */
    @Override
    public void close() {
        docChat.close();
    }
}
