package io.docchat.cli;

import io.docchat.documents.OcrSettings;

/** Opens the backend the store settings name: the embedded default, or a node on a shared PostgreSQL database. */
public final class Backends {
    private Backends() {}

    public static Backend open(DataHome home, StoreSettings store, ModelSettings model, OcrSettings ocr,
                               String firstQuestion) {
        return store.shared()
                ? PostgresBackend.open(home, store, model, ocr, firstQuestion)
                : EmbeddedBackend.open(home, model, ocr, firstQuestion);
    }
}
