package io.docchat.benchmarks;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatBuilder;
import io.docchat.core.files.FileSystemFileStore;
import io.docchat.core.port.DocumentParser;
import io.docchat.documents.DocumentLimits;
import io.docchat.documents.DocumentParsers;
import io.docchat.documents.OcrSettings;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.sqlite.SqliteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The embedded wiring the command line uses (SQLite, Lucene, files on disk, every parser) on a scratch directory. */
record Embedded(DocChat docChat, SqliteDatabase database, Path home) implements AutoCloseable {

    static Embedded open() throws IOException {
        Path home = Files.createTempDirectory("docchat-bench-");
        Files.createDirectories(home.resolve("index"));
        Files.createDirectories(home.resolve("files"));
        SqliteDatabase database = SqliteDatabase.open(home.resolve("docchat.db"));
        DocChatBuilder builder = DocChat.builder()
                .knowledgeStore(database.knowledgeStore())
                .chatStore(database.chatStore())
                .accountStore(database.accountStore())
                .passageIndex(LucenePassageIndex.open(home.resolve("index")))
                .fileStore(new FileSystemFileStore(home.resolve("files")));
        // The text-layer path only: OCR of the book's two scanned pages would dwarf it and has its own figures.
        for (DocumentParser parser : DocumentParsers.all(DocumentLimits.defaults(), OcrSettings.disabled())) {
            builder.parser(parser);
        }
        return new Embedded(builder.build(), database, home);
    }

    @Override
    public void close() throws IOException {
        try {
            docChat.close();
        } finally {
            database.close();
            delete(home);
        }
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
