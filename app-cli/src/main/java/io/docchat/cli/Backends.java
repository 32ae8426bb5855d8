package io.docchat.cli;

/** Opens the backend the store settings name: the embedded default, or a node on a shared PostgreSQL database. */
public final class Backends {
    private Backends() {}

    public static Backend open(DataHome home, StoreSettings store, ModelSettings model) {
        return store.shared() ? PostgresBackend.open(home, store, model) : EmbeddedBackend.open(home, model);
    }
}
