package io.docchat.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Where the knowledge base lives: the embedded SQLite database of the data directory (the default), or a PostgreSQL
 * database shared by several docchat nodes ({@code postgresql://user:password@host:5432/database}).
 *
 * @param url the PostgreSQL address, or null for the embedded store
 */
public record StoreSettings(String url) {
    public static final String ENV_VARIABLE = "DOCCHAT_STORE";
    public static final String FILE_KEY = "store";
    public static final StoreSettings EMBEDDED = new StoreSettings(null);

    public StoreSettings {
        if (url != null) {
            String lower = url.strip().toLowerCase(Locale.ROOT);
            if (lower.isEmpty() || lower.equals("embedded") || lower.equals("sqlite")) {
                url = null;
            } else if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")
                    && !lower.startsWith("jdbc:postgresql:")) {
                throw new CliException(ExitCodes.USAGE, "the store must be 'embedded' or a PostgreSQL address"
                        + " (postgresql://user:password@host:5432/database), not '" + url + "'", null);
            } else {
                url = url.strip();
            }
        }
    }

    public boolean shared() {
        return url != null;
    }

    /** {@code --store} if given, else {@code $DOCCHAT_STORE}, else {@code store} in the configuration file. */
    public static StoreSettings resolve(Path configFile, CliEnvironment environment, String flag) {
        if (flag != null && !flag.isBlank()) {
            return new StoreSettings(flag);
        }
        String variable = environment.variable(ENV_VARIABLE);
        if (variable != null) {
            return new StoreSettings(variable);
        }
        return new StoreSettings(load(configFile).getProperty(FILE_KEY));
    }

    private static Properties load(Path configFile) {
        Properties properties = new Properties();
        if (Files.isRegularFile(configFile)) {
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + configFile + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }
}
