package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.documents.OcrSettings;
import java.util.Optional;

/** An open docchat engine and the database it runs on; closing it closes both. */
public interface Backend extends AutoCloseable {

    DocChat docChat();

    /** Pages read by OCR since the engine opened, for progress displays; 0 for engines that do not count them. */
    default long ocrPagesRead() {
        return 0;
    }

    /**
     * The key that signs file and page-image URLs when the store provides one that every node shares; empty when
     * each server keeps its own in its data directory.
     */
    default Optional<byte[]> urlSigningKey() {
        return Optional.empty();
    }

    @Override
    void close();

    /** Opens the engine on a data directory, with the store it names. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param firstQuestion the question the command will ask first when it knows it, else null: the embedding
         *     models it needs start loading while the store and the index open
         */
        Backend open(DataHome home, StoreSettings store, ModelSettings model, OcrSettings ocr, String firstQuestion);
    }
}
