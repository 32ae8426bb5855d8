package io.docchat.cli.commands;

import io.docchat.cli.DataHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh data directory for one evaluation run, deleted afterwards unless it is to be kept. */
final class TempHome implements AutoCloseable {
    private final DataHome home;
    private final boolean keep;

    TempHome(boolean keep) {
        try {
            this.home = new DataHome(Files.createTempDirectory("docchat-eval-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory: " + e.getMessage(), e);
        }
        this.keep = keep;
    }

    DataHome home() {
        return home;
    }

    @Override
    public void close() {
        if (keep) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home.root())) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + home.root() + ": " + e.getMessage(), e);
        }
    }
}
