package io.docchat.sqlite;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to date. Migrations are SQL scripts on the class path, listed in order in
 * {@code migration/index.txt} and named {@code V<n>__<description>.sql}; the applied versions are recorded in the
 * {@code schema_version} table. Each migration runs in its own write transaction that re-reads the current version
 * first, so two processes opening a new database at once apply it once.
 */
final class MigrationRunner {
    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);
    private static final String DIRECTORY = "/io/docchat/sqlite/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");

    /** One versioned schema change. */
    record Migration(int version, String name, String sql) {}

    private final List<Migration> migrations;

    MigrationRunner(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3... without gaps; found "
                        + migrations.get(i).name() + " at position " + (i + 1));
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    /** The migrations shipped with this module. */
    static MigrationRunner fromClasspath() {
        String index = resource("index.txt");
        List<Migration> migrations = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher matcher = NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("migration file name does not match V<n>__<description>.sql: " + name);
            }
            migrations.add(new Migration(Integer.parseInt(matcher.group(1)), name, resource(name)));
        }
        return new MigrationRunner(migrations);
    }

    List<Migration> migrations() {
        return migrations;
    }

    /** The version a database reaches once every migration is applied. */
    int latestVersion() {
        return migrations.size();
    }

    /** Applies what is missing; returns the schema version afterwards. */
    int migrate(SqliteTransactions transactions) {
        transactions.write("creating the schema version table", handle -> handle.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"));
        for (Migration migration : migrations) {
            transactions.write("applying migration " + migration.name(), handle -> {
                int current = currentVersion(handle);
                if (current > latestVersion()) {
                    throw new DocChatException(ErrorCode.STORAGE_FAILURE, "the database has schema version " + current
                            + " but this docchat only knows up to " + latestVersion() + "; use a newer docchat");
                }
                if (current >= migration.version()) {
                    return null;
                }
                handle.createScript(migration.sql()).executeAsSeparateStatements();
                handle.createUpdate("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")
                        .bind(0, migration.version())
                        .bind(1, migration.name())
                        .bind(2, Times.toNanos(Instant.now()))
                        .execute();
                log.info("applied database migration {}", migration.name());
                return null;
            });
        }
        return transactions.read("reading the schema version", MigrationRunner::currentVersion);
    }

    private static int currentVersion(org.jdbi.v3.core.Handle handle) {
        return handle.createQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version").mapTo(Integer.class).one();
    }

    private static String resource(String name) {
        try (InputStream in = MigrationRunner.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + DIRECTORY + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration resource " + DIRECTORY + name, e);
        }
    }
}
