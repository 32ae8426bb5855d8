package io.docchat.postgres;

/** A fresh database on the throwaway server for one test, and the storage open on it; reopens on the same database. */
final class PostgresStoreFixture implements AutoCloseable {
    private final String url;
    private PostgresStorage storage;

    PostgresStoreFixture() {
        this.url = ThrowawayPostgres.shared().newDatabase();
        this.storage = PostgresStorage.open(url);
    }

    PostgresStorage storage() {
        return storage;
    }

    PostgresStorage reopen() {
        storage.close();
        storage = PostgresStorage.open(url);
        return storage;
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        if (storage != null) {
            storage.close();
        }
    }
}
