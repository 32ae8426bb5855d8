package io.docchat.sqlite;

import java.nio.file.Path;

/** Holds the database a contract test runs against and reopens it on the same file. */
final class SqliteStoreFixture implements AutoCloseable {
    private final Path file;
    private SqliteDatabase database;

    SqliteStoreFixture(Path directory) {
        this.file = directory.resolve("data").resolve("docchat.db");
        this.database = SqliteDatabase.open(file);
    }

    SqliteDatabase database() {
        return database;
    }

    SqliteDatabase reopen() {
        database.close();
        database = SqliteDatabase.open(file);
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}
