package io.docchat.recovery;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatBuilder;
import io.docchat.core.files.FileSystemFileStore;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.text.parsing.PlainTextParser;
import io.docchat.documents.DocumentParsers;
import io.docchat.documents.PdfPageRenderer;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The real docchat stack on one data directory, wired as an application wires it: the SQLite database
 * ({@code docchat.db}), the Lucene passage index ({@code index/}), the original files ({@code files/}), every document
 * parser and the PDF page renderer. Building the engine reconciles the index with the store and resumes unfinished
 * documents, exactly as an application's start does.
 */
final class RecoveryStack implements AutoCloseable {

    private final SqliteDatabase database;
    private final LucenePassageIndex index;
    private final FileSystemFileStore files;
    private final DocChat docChat;

    private RecoveryStack(SqliteDatabase database, LucenePassageIndex index, FileSystemFileStore files,
            DocChat docChat) {
        this.database = database;
        this.index = index;
        this.files = files;
        this.docChat = docChat;
    }

    static Path databaseFile(Path directory) {
        return directory.resolve("docchat.db");
    }

    static Path indexDirectory(Path directory) {
        return directory.resolve("index");
    }

    static Path filesDirectory(Path directory) {
        return directory.resolve("files");
    }

    /** Opens every component on the directory and starts the engine over them. */
    static RecoveryStack open(Path directory) {
        return open(directory, builder -> { });
    }

    /** As {@link #open(Path)}, with engine settings adjusted by {@code settings} before the engine starts. */
    static RecoveryStack open(Path directory, Consumer<DocChatBuilder> settings) {
        SqliteDatabase database = SqliteDatabase.open(databaseFile(directory));
        LucenePassageIndex index = null;
        try {
            index = LucenePassageIndex.open(indexDirectory(directory));
            FileSystemFileStore files = new FileSystemFileStore(filesDirectory(directory));
            DocChatBuilder builder = DocChat.builder()
                    .knowledgeStore(database.knowledgeStore())
                    .chatStore(database.chatStore())
                    .accountStore(database.accountStore())
                    .passageIndex(index)
                    .fileStore(files)
                    .pageRenderer(new PdfPageRenderer());
            DocumentParsers.all().forEach(builder::parser);
            settings.accept(builder);
            return new RecoveryStack(database, index, files, builder.build());
        } catch (RuntimeException e) {
            // The engine closes what it was given when its start fails; before that, nothing else would.
            if (index != null) {
                index.close();
            }
            database.close();
            throw e;
        }
    }

    /** The parsers in the order the engine tries them: the document parsers, then the built-in text parser. */
    static List<DocumentParser> parsersInEngineOrder() {
        List<DocumentParser> parsers = new ArrayList<>(DocumentParsers.all());
        parsers.add(new PlainTextParser());
        return parsers;
    }

    DocChat docChat() {
        return docChat;
    }

    SqliteDatabase database() {
        return database;
    }

    /** The engine's own index instance, to look at raw hits that the engine's retrieval would filter. */
    LucenePassageIndex index() {
        return index;
    }

    FileSystemFileStore files() {
        return files;
    }

    /** Closes the engine (which commits the index and closes it) and then the database, which it does not own. */
    @Override
    public void close() {
        try {
            docChat.close();
        } finally {
            database.close();
        }
    }
}
