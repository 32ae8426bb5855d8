package io.docchat.sqlite;

import io.docchat.core.DocChatBuilder;
import io.docchat.core.DocChatModule;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The SQLite backend as a module: the knowledge, chat and account stores on one database file, which the module owns
 * and the {@code DocChat} closes after the stores.
 *
 * <pre>{@code
 * DocChat docChat = DocChat.builder().install(SqliteStorage.open(Path.of("docchat.db"))).build();
 * }</pre>
 */
public final class SqliteStorage implements DocChatModule {
    private final SqliteDatabase database;

    private SqliteStorage(SqliteDatabase database) {
        this.database = database;
    }

    /**
     * Opens (creating if needed) the database file and brings its schema up to date.
     *
     * @throws io.docchat.core.DocChatException {@code STORAGE_FAILURE} as {@link SqliteDatabase#open(Path)} does
     */
    public static SqliteStorage open(Path databaseFile) {
        return new SqliteStorage(SqliteDatabase.open(databaseFile));
    }

    /** As {@link #open(Path)}, with the clock that stamps document updates. */
    public static SqliteStorage open(Path databaseFile, Clock clock) {
        return new SqliteStorage(SqliteDatabase.open(databaseFile, Objects.requireNonNull(clock, "clock")));
    }

    @Override
    public void contributeTo(DocChatBuilder builder) {
        builder.knowledgeStore(database.knowledgeStore())
                .chatStore(database.chatStore())
                .accountStore(database.accountStore());
    }

    /** The database underneath, for tools that inspect or maintain it; the module still owns it. */
    public SqliteDatabase database() {
        return database;
    }

    /** Closes the database (idempotent). */
    @Override
    public void close() {
        database.close();
    }
}
