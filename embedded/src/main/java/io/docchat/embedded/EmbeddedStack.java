package io.docchat.embedded;

import io.docchat.core.DocChatBuilder;
import io.docchat.core.DocChatModule;
import io.docchat.core.files.FileSystemFileStore;
import io.docchat.documents.DocumentsModule;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.sqlite.SqliteStorage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded default on one data directory, defined here once for the command line, the benchmarks, the tests and
 * host applications: the SQLite database ({@code docchat.db}) for the stores, the Lucene passage index
 * ({@code index/}), the original files ({@code files/}), and every document format with the page renderer. The
 * answer model stays the builder's default (extractive, offline) unless the host sets another.
 *
 * <pre>{@code
 * try (DocChat docChat = DocChat.builder().install(EmbeddedStack.open(Path.of("docchat-data"))).build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>The {@code DocChat} it is installed in owns and closes everything opened here.
 */
public final class EmbeddedStack implements DocChatModule {
    private final SqliteStorage storage;
    private final LucenePassageIndex index;
    private final FileSystemFileStore files;
    private final DocumentsModule documents;

    private EmbeddedStack(SqliteStorage storage, LucenePassageIndex index, FileSystemFileStore files,
                          DocumentsModule documents) {
        this.storage = storage;
        this.index = index;
        this.files = files;
        this.documents = documents;
    }

    /**
     * Opens (creating on first use) the database, index and file directory under {@code home}. On failure, what was
     * already opened is closed again.
     *
     * @throws io.docchat.core.DocChatException {@code STORAGE_FAILURE} when the database cannot be opened
     */
    public static EmbeddedStack open(Path home) {
        return open(home, DocumentsModule.standard());
    }

    /** As {@link #open(Path)}, with the document formats configured (limits, OCR). */
    public static EmbeddedStack open(Path home, DocumentsModule documents) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(documents, "documents");
        // The index opens on a thread of its own while the database opens: each takes a few hundred milliseconds
        // of a short command's start (loading Lucene's classes, and Jdbi's and SQLite's), and they share nothing.
        CompletableFuture<LucenePassageIndex> opening = CompletableFuture.supplyAsync(
                () -> LucenePassageIndex.open(indexDirectory(home)), EmbeddedStack::daemon);
        SqliteStorage storage;
        try {
            storage = SqliteStorage.open(databaseFile(home));
        } catch (RuntimeException e) {
            opening.thenAccept(LucenePassageIndex::close);
            throw e;
        }
        try {
            LucenePassageIndex index = opened(opening);
            return new EmbeddedStack(storage, index, new FileSystemFileStore(filesDirectory(home)), documents);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** The opened index, or the exception its opening threw, as it threw it. */
    private static LucenePassageIndex opened(CompletableFuture<LucenePassageIndex> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "docchat-index-open");
        thread.setDaemon(true);
        thread.start();
    }

    /** The SQLite database file of a data directory. */
    public static Path databaseFile(Path home) {
        return home.resolve("docchat.db");
    }

    /** The Lucene index directory of a data directory. */
    public static Path indexDirectory(Path home) {
        return home.resolve("index");
    }

    /** The directory of original files of a data directory. */
    public static Path filesDirectory(Path home) {
        return home.resolve("files");
    }

    @Override
    public void contributeTo(DocChatBuilder builder) {
        builder.install(storage)
                .install(documents)
                .passageIndex(index)
                .fileStore(files);
    }

    /** The SQLite storage, for tools that look beneath the engine (consistency checks, maintenance). */
    public SqliteStorage storage() {
        return storage;
    }

    /** The engine's own passage index instance, for tools that look at raw hits. */
    public LucenePassageIndex index() {
        return index;
    }

    /** The document formats installed. */
    public DocumentsModule documents() {
        return documents;
    }

    /** The original files on disk. */
    public FileSystemFileStore files() {
        return files;
    }

    /**
     * Closes the index and the database; the {@code DocChat} calls this after its components, and a stack that was
     * never installed must be closed by whoever opened it. Idempotent.
     */
    @Override
    public void close() {
        try {
            index.close();
        } finally {
            storage.close();
        }
    }
}
