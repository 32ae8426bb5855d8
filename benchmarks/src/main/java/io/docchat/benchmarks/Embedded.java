package io.docchat.benchmarks;

import io.docchat.core.DocChat;
import io.docchat.documents.DocumentLimits;
import io.docchat.documents.DocumentsModule;
import io.docchat.documents.OcrProgress;
import io.docchat.documents.OcrSettings;
import io.docchat.embedded.EmbeddedStack;
import io.docchat.sqlite.SqliteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The embedded default the command line uses ({@link EmbeddedStack}) on a scratch directory. */
record Embedded(DocChat docChat, EmbeddedStack stack, Path home) implements AutoCloseable {

    static Embedded open() throws IOException {
        Path home = Files.createTempDirectory("docchat-bench-");
        // The text-layer path only: OCR of the book's two scanned pages would dwarf it and has its own figures.
        EmbeddedStack stack = EmbeddedStack.open(home,
                DocumentsModule.of(DocumentLimits.defaults(), OcrSettings.disabled(), new OcrProgress()));
        return new Embedded(DocChat.builder().install(stack).build(), stack, home);
    }

    /** The database beneath the engine, for baselines that read the store directly. */
    SqliteDatabase database() {
        return stack.storage().database();
    }

    @Override
    public void close() throws IOException {
        try {
            docChat.close();
        } finally {
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
