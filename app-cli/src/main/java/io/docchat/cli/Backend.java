package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.documents.OcrSettings;

/** An open docchat engine and the database it runs on; closing it closes both. */
public interface Backend extends AutoCloseable {

    DocChat docChat();

    /** Pages read by OCR since the engine opened, for progress displays; 0 for engines that do not count them. */
    default long ocrPagesRead() {
        return 0;
    }

    @Override
    void close();

    /** Opens the engine on a data directory. */
    @FunctionalInterface
    interface Factory {
        Backend open(DataHome home, ModelSettings model, OcrSettings ocr);
    }
}
