package io.docchat.recovery;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatBuilder;
import io.docchat.core.files.FileSystemFileStore;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.text.parsing.PlainTextParser;
import io.docchat.documents.DocumentParsers;
import io.docchat.embedded.EmbeddedStack;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The real docchat stack on one data directory, wired as an application wires it: the {@link EmbeddedStack} (SQLite
 * database {@code docchat.db}, Lucene passage index {@code index/}, original files {@code files/}, every document
 * parser and the PDF page renderer). Building the engine reconciles the index with the store and resumes unfinished
 * documents, exactly as an application's start does.
 */
final class RecoveryStack implements AutoCloseable {

    private final EmbeddedStack stack;
    private final DocChat docChat;

    private RecoveryStack(EmbeddedStack stack, DocChat docChat) {
        this.stack = stack;
        this.docChat = docChat;
    }

    static Path databaseFile(Path directory) {
        return EmbeddedStack.databaseFile(directory);
    }

    static Path indexDirectory(Path directory) {
        return EmbeddedStack.indexDirectory(directory);
    }

    static Path filesDirectory(Path directory) {
        return EmbeddedStack.filesDirectory(directory);
    }

    /** Opens every component on the directory and starts the engine over them. */
    static RecoveryStack open(Path directory) {
        return open(directory, builder -> { });
    }

    /** As {@link #open(Path)}, with engine settings adjusted by {@code settings} before the engine starts. */
    static RecoveryStack open(Path directory, Consumer<DocChatBuilder> settings) {
        return open(directory, settings, UnaryOperator.identity());
    }

    /**
     * As {@link #open(Path, Consumer)}, with the engine given {@code indexView} of the Lucene index (a wrapper that
     * holds or observes its writes) instead of the index itself.
     */
    static RecoveryStack open(Path directory, Consumer<DocChatBuilder> settings, UnaryOperator<PassageIndex> indexView) {
        EmbeddedStack stack = EmbeddedStack.open(directory);
        DocChatBuilder builder = DocChat.builder().install(stack);
        try {
            builder.passageIndex(indexView.apply(stack.index()));
            settings.accept(builder);
        } catch (RuntimeException e) {
            // Not built: nothing owns the stack yet.
            stack.close();
            throw e;
        }
        // The engine closes what it was given, the stack included, when its start fails.
        return new RecoveryStack(stack, builder.build());
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
        return stack.storage().database();
    }

    /** The engine's own index instance, to look at raw hits that the engine's retrieval would filter. */
    LucenePassageIndex index() {
        return stack.index();
    }

    FileSystemFileStore files() {
        return stack.files();
    }

    /** Closes the engine, which commits the index and closes everything the stack opened. */
    @Override
    public void close() {
        docChat.close();
    }
}
