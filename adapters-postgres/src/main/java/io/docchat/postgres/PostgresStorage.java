package io.docchat.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.docchat.core.DocChatBuilder;
import io.docchat.core.DocChatException;
import io.docchat.core.DocChatModule;
import io.docchat.core.ErrorCode;
import io.docchat.core.port.AccountStore;
import io.docchat.core.port.ChatStore;
import io.docchat.core.port.FileStore;
import io.docchat.core.port.IngestClaims;
import io.docchat.core.port.KnowledgeStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL database holding docchat's durable state, shared by any number of docchat nodes, and the stores that
 * are views of it.
 *
 * <pre>{@code
 * try (DocChat node = DocChat.builder()
 *         .install(PostgresStorage.open("postgresql://docchat@db.internal:5432/docchat"))
 *         .passageIndex(LucenePassageIndex.open(home.resolve("replica")))
 *         .build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Opening creates a pool of connections (HikariCP) and applies schema migrations, once, even when several nodes
 * start together. Safe for concurrent use. Installed in a {@code DocChat}, it is closed by it; otherwise
 * {@link #close()} closes the pool, after which the stores must not be used.
 */
public final class PostgresStorage implements DocChatModule {
    private static final Logger log = LoggerFactory.getLogger(PostgresStorage.class);
    private static final Duration MAX_CONFLICT_WAIT = Duration.ofSeconds(30);
    private static final int DEFAULT_POOL_SIZE = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PostgresUrl url;
    private final HikariDataSource dataSource;
    private final PostgresTransactions transactions;
    private final PostgresKnowledgeStore knowledgeStore;
    private final PostgresChatStore chatStore;
    private final PostgresAccountStore accountStore;
    private final PostgresFileStore fileStore;
    private final PostgresIngestClaims ingestClaims;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresStorage(PostgresUrl url, HikariDataSource dataSource, Clock clock) {
        this.url = url;
        this.dataSource = dataSource;
        this.transactions = new PostgresTransactions(Jdbi.create(dataSource), MAX_CONFLICT_WAIT);
        this.knowledgeStore = new PostgresKnowledgeStore(transactions, clock);
        this.chatStore = new PostgresChatStore(transactions);
        this.accountStore = new PostgresAccountStore(transactions);
        this.fileStore = new PostgresFileStore(transactions);
        this.ingestClaims = new PostgresIngestClaims(transactions);
    }

    /**
     * Connects to the database and brings its schema up to date.
     *
     * @param url {@code postgresql://[user[:password]@]host[:port]/database[?parameters]}, as libpq and
     *            {@code psql} take it, or a {@code jdbc:postgresql:} URL
     * @throws DocChatException {@code INVALID_PARAMETER} for a malformed URL; {@code STORAGE_FAILURE} if the server
     *                          cannot be reached, refuses the login, or holds a schema of a newer docchat
     */
    public static PostgresStorage open(String url) {
        return open(url, Clock.systemUTC());
    }

    /** As {@link #open(String)}, with the clock that stamps document updates. */
    public static PostgresStorage open(String url, Clock clock) {
        PostgresUrl parsed = PostgresUrl.parse(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(parsed.jdbcUrl());
        if (parsed.user() != null) {
            config.setUsername(parsed.user());
        }
        if (parsed.password() != null) {
            config.setPassword(parsed.password());
        }
        config.setMaximumPoolSize(DEFAULT_POOL_SIZE);
        config.setPoolName("docchat-postgres");
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        // Fail at once on an unreachable server or a refused login, instead of at the first request.
        config.setInitializationFailTimeout(1);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DocChatException(ErrorCode.STORAGE_FAILURE,
                    "cannot connect to PostgreSQL at " + parsed.display() + ": " + rootMessage(e), e);
        }
        PostgresStorage storage = new PostgresStorage(parsed, dataSource, clock);
        try {
            int version = PostgresMigrations.fromClasspath().migrate(storage.transactions);
            log.debug("opened {} at schema version {}", parsed.display(), version);
            return storage;
        } catch (RuntimeException e) {
            storage.close();
            if (e instanceof DocChatException) {
                throw e;
            }
            throw new DocChatException(ErrorCode.STORAGE_FAILURE,
                    "cannot prepare the database " + parsed.display(), e);
        }
    }

    /**
     * Installs the stores, the shared original files and the shared ingestion claims: an engine built with this
     * module is one node of those sharing the database. The passage index (each node's own replica) is the host's.
     */
    @Override
    public void contributeTo(DocChatBuilder builder) {
        builder.knowledgeStore(knowledgeStore)
                .chatStore(chatStore)
                .accountStore(accountStore)
                .fileStore(fileStore)
                .ingestClaims(ingestClaims);
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

    /** The original files, shared by every node. */
    public FileStore fileStore() {
        return fileStore;
    }

    /** Which node is parsing which document: the shared ingestion queue. */
    public IngestClaims ingestClaims() {
        return ingestClaims;
    }

    /**
     * The value of a setting every node shares, created with {@code length} random bytes by the first node that asks:
     * for example the key that signs file URLs, so that a URL handed out by one node verifies on every other.
     */
    public byte[] sharedSecret(String name, int length) {
        byte[] candidate = new byte[length];
        RANDOM.nextBytes(candidate);
        return transactions.write("reading the shared setting " + name, handle -> {
            handle.createUpdate("INSERT INTO shared_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                    .bind(0, name)
                    .bind(1, candidate)
                    .execute();
            return handle.createQuery("SELECT value FROM shared_setting WHERE name = ?")
                    .bind(0, name)
                    .mapTo(byte[].class)
                    .one();
        });
    }

    /**
     * A name for this database that stays the same for as long as it exists and differs from every other docchat
     * database: what a node's passage-index replica is filed under.
     */
    public String storeId() {
        return HexFormat.of().formatHex(sharedSecret("store-id", 8));
    }

    /** Copying a knowledge base from another store into this (empty) database: see {@code docchat migrate}. */
    public PostgresImport importer() {
        return new PostgresImport(transactions);
    }

    /** The server and database, without the password, for messages. */
    public String describe() {
        return url.display();
    }

    /** Closes the connection pool. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        transactions.close();
        dataSource.close();
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
