package io.docchat.sqlite;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.files.OwnerOnlyPermissions;
import io.docchat.core.port.AccountStore;
import io.docchat.core.port.ChatStore;
import io.docchat.core.port.KnowledgeStore;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite database file holding docchat's durable state, and the three stores that are views of it. An engine
 * takes it as the {@link SqliteStorage} module, which owns it:
 * {@code DocChat.builder().install(SqliteStorage.open(file))}.
 *
 * <p>Opening creates the file and its parent directories when missing and applies schema migrations. The database runs
 * in WAL mode (readers never wait for the writer; the file is accompanied by {@code -wal} and {@code -shm} files while
 * open) with foreign keys enforced and {@code synchronous=NORMAL}: a committed transaction survives a crash of the
 * process, and the file is never corrupted by a power loss, which may however lose the last transactions. Writes are
 * serialized, so callers never see {@code SQLITE_BUSY}.
 *
 * <p>Safe for concurrent use. {@link #close()} closes the file; the stores must not be used afterwards.
 */
public final class SqliteDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    private static final Duration MAX_BUSY_WAIT = Duration.ofSeconds(60);
    private static final int POOLED_READERS = 4;

    private final Path file;
    private final Connection writerConnection;
    private final ReaderConnectionPool readerPool;
    private final SqliteTransactions transactions;
    private final SqliteKnowledgeStore knowledgeStore;
    private final SqliteChatStore chatStore;
    private final SqliteAccountStore accountStore;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SqliteDatabase(Path file, Connection writerConnection, ReaderConnectionPool readerPool, Clock clock) {
        this.file = file;
        this.writerConnection = writerConnection;
        this.readerPool = readerPool;
        Jdbi writer = Jdbi.create(new SingleConnectionFactory(writerConnection));
        Jdbi readers = Jdbi.create(readerPool);
        this.transactions = new SqliteTransactions(writer, readers, MAX_BUSY_WAIT);
        this.knowledgeStore = new SqliteKnowledgeStore(transactions, clock);
        this.chatStore = new SqliteChatStore(transactions);
        this.accountStore = new SqliteAccountStore(transactions);
    }

    /**
     * Opens (creating if needed) the database file and brings its schema up to date.
     *
     * @throws DocChatException {@code STORAGE_FAILURE} if the file cannot be created or opened, is not a docchat
     *                          database, or was written by a newer version
     */
    public static SqliteDatabase open(Path databaseFile) {
        return open(databaseFile, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps document updates. */
    public static SqliteDatabase open(Path databaseFile, Clock clock) {
        Path file = databaseFile.toAbsolutePath().normalize();
        try {
            Path parent = file.getParent();
            if (parent != null && Files.notExists(parent)) {
                // A directory made here holds nothing but this database: nobody else needs to list it.
                OwnerOnlyPermissions.directory(parent);
            }
            // The file holds access-key secrets. SQLite creates the -wal and -shm files with the database's mode.
            OwnerOnlyPermissions.file(file);
            OwnerOnlyPermissions.fileIfPresent(Path.of(file + "-wal"));
            OwnerOnlyPermissions.fileIfPresent(Path.of(file + "-shm"));
        } catch (UncheckedIOException e) {
            throw new DocChatException(ErrorCode.STORAGE_FAILURE, "cannot create " + file + " for its owner only", e);
        }
        String url = "jdbc:sqlite:" + file;
        Connection writerConnection;
        try {
            writerConnection = writerConfig().createConnection(url);
        } catch (SQLException e) {
            throw new DocChatException(ErrorCode.STORAGE_FAILURE, "cannot open the database " + file, e);
        }
        ReaderConnectionPool readerPool = new ReaderConnectionPool(() -> openReader(url), POOLED_READERS);
        SqliteDatabase database = new SqliteDatabase(file, writerConnection, readerPool, clock);
        try {
            int version = MigrationRunner.fromClasspath().migrate(database.transactions);
            PassageCitationBackfill.run(database.transactions);
            log.debug("opened {} at schema version {}", file, version);
            return database;
        } catch (RuntimeException e) {
            database.close();
            if (e instanceof DocChatException) {
                throw e;
            }
            throw new DocChatException(ErrorCode.STORAGE_FAILURE, "cannot prepare the database " + file, e);
        }
    }

    /** Folders, documents, pages, passages and the change log. */
    public KnowledgeStore knowledgeStore() {
        return knowledgeStore;
    }

    /** Sessions and chat history. */
    public ChatStore chatStore() {
        return chatStore;
    }

    /** Accounts, access keys and bearer tokens. */
    public AccountStore accountStore() {
        return accountStore;
    }

    /** The transaction runner, for schema work in this package. */
    SqliteTransactions transactions() {
        return transactions;
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Waits for a write in progress, then closes the file. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        transactions.close();
        try {
            readerPool.close();
        } catch (SQLException e) {
            log.warn("closing a reader connection of {} failed", file, e);
        }
        try (Statement statement = writerConnection.createStatement()) {
            // Keeps the query planner's statistics current for the next open; cheap when nothing changed.
            statement.execute("PRAGMA optimize");
        } catch (SQLException e) {
            log.debug("PRAGMA optimize on close of {} failed: {}", file, e.getMessage());
        }
        try {
            writerConnection.close();
        } catch (SQLException e) {
            log.warn("closing {} failed", file, e);
        }
    }

    private static SQLiteConfig writerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    private static Connection openReader(String url) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection connection = config.createConnection(url);
        try (Statement statement = connection.createStatement()) {
            // A reader that tries to write is a bug; fail it instead of racing the writer for the lock.
            statement.execute("PRAGMA query_only = 1");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Hands Jdbi the one writer connection every time; it stays open until the database closes. */
    private record SingleConnectionFactory(Connection connection) implements ConnectionFactory {
        @Override
        public Connection openConnection() {
            return connection;
        }

        @Override
        public void closeConnection(Connection toClose) {
            // The writer connection lives as long as the database.
        }
    }
}
