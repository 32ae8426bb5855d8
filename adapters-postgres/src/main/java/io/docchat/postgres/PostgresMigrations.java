package io.docchat.postgres;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to date. Migrations are SQL scripts on the class path, listed in order in
 * {@code migration/index.txt} and named {@code V<n>__<description>.sql}; the applied versions are recorded in the
 * {@code schema_version} table. All of it runs in one transaction under a transaction-level advisory lock, so several
 * nodes starting at once against a new database apply each migration exactly once (the others wait, then find it
 * done); PostgreSQL's DDL is transactional, so a failed migration leaves nothing half-applied.
 */
final class PostgresMigrations {
    private static final Logger log = LoggerFactory.getLogger(PostgresMigrations.class);
    private static final String DIRECTORY = "/io/docchat/postgres/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");
    /** An arbitrary constant that names docchat's schema lock among the database's advisory locks. */
    private static final long SCHEMA_LOCK = 0x646f6363_68617431L;

    /** One versioned schema change. */
    record Migration(int version, String name, String sql) {}

    private final List<Migration> migrations;

    PostgresMigrations(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3... without gaps; found "
                        + migrations.get(i).name() + " at position " + (i + 1));
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    /** The migrations shipped with this module. */
    static PostgresMigrations fromClasspath() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
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
        return new PostgresMigrations(migrations);
    }

    int latestVersion() {
        return migrations.size();
    }

    /** Applies what is missing; returns the schema version afterwards. */
    int migrate(PostgresTransactions transactions) {
        return transactions.write("bringing the database schema up to date", handle -> {
            handle.createQuery("SELECT pg_advisory_xact_lock(?)::text").bind(0, SCHEMA_LOCK).mapTo(String.class).one();
            handle.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            int current = currentVersion(handle);
            if (current > latestVersion()) {
                throw new DocChatException(ErrorCode.STORAGE_FAILURE, "the database has schema version " + current
                        + " but this docchat only knows up to " + latestVersion() + "; use a newer docchat");
            }
            for (Migration migration : migrations.subList(current, migrations.size())) {
                runScript(handle, migration);
                handle.createUpdate("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")
                        .bind(0, migration.version())
                        .bind(1, migration.name())
                        .bind(2, Times.toNanos(Instant.now()))
                        .execute();
                log.info("applied database migration {}", migration.name());
            }
            return currentVersion(handle);
        });
    }

    /** The driver runs a script of several statements as one, splitting it as the server's own parser does. */
    private static void runScript(Handle handle, Migration migration) {
        try (Statement statement = handle.getConnection().createStatement()) {
            statement.execute(migration.sql());
        } catch (SQLException e) {
            throw new IllegalStateException("migration " + migration.name() + " failed", e);
        }
    }

    private static int currentVersion(Handle handle) {
        return handle.createQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version").mapTo(Integer.class).one();
    }

    private static String resource(String name) {
        try (InputStream in = PostgresMigrations.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + DIRECTORY + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration resource " + DIRECTORY + name, e);
        }
    }
}
