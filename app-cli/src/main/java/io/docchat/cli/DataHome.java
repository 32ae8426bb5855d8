package io.docchat.cli;

import io.docchat.core.files.OwnerOnlyPermissions;
import io.docchat.embedded.EmbeddedStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data directory of an embedded docchat: the SQLite database, the Lucene index, the stored original files and the
 * configuration file.
 */
public record DataHome(Path root) {
    public static final String ENV_VARIABLE = "DOCCHAT_HOME";

    public DataHome {
        root = root.toAbsolutePath().normalize();
    }

    /** {@code --home} if given, else {@code $DOCCHAT_HOME}, else {@code ~/.docchat}. */
    public static DataHome resolve(Path option, CliEnvironment environment) {
        if (option != null) {
            return new DataHome(option);
        }
        String variable = environment.variable(ENV_VARIABLE);
        if (variable != null) {
            return new DataHome(Path.of(variable));
        }
        return new DataHome(environment.userHome().resolve(".docchat"));
    }

    public Path database() {
        return EmbeddedStack.databaseFile(root);
    }

    public Path index() {
        return EmbeddedStack.indexDirectory(root);
    }

    public Path files() {
        return EmbeddedStack.filesDirectory(root);
    }

    public Path configFile() {
        return root.resolve("config.properties");
    }

    /**
     * Creates the directory and its sub-directories if they are missing, and keeps the directory to its owner (0700):
     * it holds the database with the access-key secrets and the users' documents.
     */
    public DataHome create() {
        try {
            OwnerOnlyPermissions.directory(root);
            Files.createDirectories(index());
            Files.createDirectories(files());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + root + ": " + e.getMessage(), e);
        }
        return this;
    }
}
