package io.docchat.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.stream.Stream;

/**
 * A process of its own for {@link SqliteNativeLibraryTest}: points SQLite JDBC at the copy in {@code args[0]}, opens
 * a database and prints the library path the driver was given, a query's result and how many copies of its library
 * the driver made in the temporary directory.
 */
public final class NativeLibraryChild {
    private NativeLibraryChild() {}

    public static void main(String[] args) throws Exception {
        SqliteNativeLibrary.useCopyIn(Path.of(args[0]));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                ResultSet rows = connection.createStatement().executeQuery("select 1")) {
            rows.next();
            // The driver's own copies are deleted at exit: they are counted while the process runs.
            long copies;
            try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                copies = files.filter(file -> file.getFileName().toString().contains("sqlite")).count();
            }
            System.out.println("path=" + System.getProperty(SqliteNativeLibrary.PATH_PROPERTY) + " select="
                    + rows.getInt(1) + " copies=" + copies);
        }
    }
}
