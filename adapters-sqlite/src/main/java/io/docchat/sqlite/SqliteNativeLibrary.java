package io.docchat.sqlite;

import io.docchat.core.files.ClassPathResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points SQLite JDBC at a copy of its native library kept in a cache directory. Left to itself, the driver copies
 * the library out of its jar into a new temporary file at every start, and first runs {@code uname} in a child process
 * to learn whether it is on Android: together about 60 ms of CPU and more of wall time, on every command.
 *
 * <p>SQLite JDBC reads {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} when it first loads its library,
 * once per process; so this sets process-wide properties, once, and never when the application has chosen a library
 * itself. The copy is verified against the jar's entry (size and CRC-32) at every start and made again, by an atomic
 * move, when missing or different; if it cannot be loaded after all, the driver falls back to its own copying.
 */
public final class SqliteNativeLibrary {
    private static final Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private static boolean settled;

    private SqliteNativeLibrary() {}

    /**
     * Makes SQLite JDBC load its native library from a copy in {@code cacheDirectory}, made now if needed; does
     * nothing on a platform it has no single library for, when the directory cannot be written, or when the
     * library is already chosen.
     */
    public static synchronized void useCopyIn(Path cacheDirectory) {
        if (settled) {
            return;
        }
        settled = true;
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return;
        }
        Path copy = keep(cacheDirectory);
        if (copy != null) {
            System.setProperty(PATH_PROPERTY, copy.getParent().toString());
            System.setProperty(NAME_PROPERTY, copy.getFileName().toString());
        }
    }

    /** The verified copy of the driver's library for this platform in the directory, or null when there is none. */
    static Path keep(Path cacheDirectory) {
        String resource = resource();
        if (resource == null) {
            return null;
        }
        try {
            ClassPathResource library = ClassPathResource.findInJar(SqliteNativeLibrary.class.getClassLoader(),
                    resource);
            if (library == null) {
                return null;
            }
            return library.keepIn(cacheDirectory.toAbsolutePath().normalize()
                    .resolve("sqlite-jdbc-" + library.fingerprint()));
        } catch (IOException | RuntimeException e) {
            log.debug("SQLite JDBC's native library stays in its jar", e);
            return null;
        }
    }

    /**
     * The library's place in the driver's jar for this platform, or null where the driver decides among several
     * (musl or Android Linux, 32-bit ARM): there it is left to choose for itself.
     */
    private static String resource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64"
                : null;
        if (archName == null || System.getProperty("java.runtime.name", "").toLowerCase(Locale.ROOT)
                .contains("android")) {
            return null;
        }
        if (os.contains("linux")) {
            return isMusl() ? null : "org/sqlite/native/Linux/" + archName + "/libsqlitejdbc.so";
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return "org/sqlite/native/Mac/" + archName + "/libsqlitejdbc.dylib";
        }
        if (os.contains("windows")) {
            return "org/sqlite/native/Windows/" + archName + "/sqlitejdbc.dll";
        }
        return null;
    }

    private static boolean isMusl() {
        try (var loaders = Files.newDirectoryStream(Path.of("/lib"), "ld-musl-*")) {
            return loaders.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
