package io.docchat.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations apply in order, once, each in its own transaction. */
class MigrationRunnerTest {
    @TempDir
    Path directory;

    @Test
    void aFailingMigrationLeavesNoTraceAndTheEarlierOnesStay() {
        try (SqliteDatabase database = SqliteDatabase.open(directory.resolve("docchat.db"))) {
            SqliteTransactions transactions = database.transactions();
            MigrationRunner.Migration[] shipped = MigrationRunner.fromClasspath().migrations().toArray(
                    new MigrationRunner.Migration[0]);
            int next = shipped.length + 1;
            MigrationRunner.Migration good = new MigrationRunner.Migration(next, "V" + next + "__good.sql",
                    "CREATE TABLE good_one (x INTEGER);\nINSERT INTO good_one VALUES (1);");
            MigrationRunner.Migration bad = new MigrationRunner.Migration(next + 1, "V" + (next + 1) + "__bad.sql",
                    "CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);");
            MigrationRunner runner = new MigrationRunner(
                    concat(List.of(shipped), List.of(good, bad)));

            assertThatThrownBy(() -> runner.migrate(transactions)).isInstanceOf(DocChatException.class)
                    .hasMessageContaining(bad.name());

            assertThat(tableExists(transactions, "good_one")).isTrue();
            assertThat(tableExists(transactions, "half_done")).isFalse();
            assertThat(version(transactions)).isEqualTo(next);
            assertThat(new MigrationRunner(concat(List.of(shipped), List.of(good))).migrate(transactions))
                    .isEqualTo(next);
            int rows = transactions.read("counting", h -> h.createQuery("SELECT COUNT(*) FROM good_one")
                    .mapTo(Integer.class).one());
            assertThat(rows).as("the applied migration ran once").isEqualTo(1);
        }
    }

    @Test
    void migrationsMustBeNumberedWithoutGaps() {
        assertThatThrownBy(() -> new MigrationRunner(List.of(new MigrationRunner.Migration(2, "V2__x.sql", ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("V2__x.sql");
    }

    private static List<MigrationRunner.Migration> concat(
            List<MigrationRunner.Migration> first, List<MigrationRunner.Migration> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static boolean tableExists(SqliteTransactions transactions, String table) {
        return transactions.read("checking " + table, h -> h
                .createQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?")
                .bind(0, table)
                .mapTo(Integer.class)
                .one()) == 1;
    }

    private static int version(SqliteTransactions transactions) {
        return transactions.read("reading the version", h -> h
                .createQuery("SELECT MAX(version) FROM schema_version").mapTo(Integer.class).one());
    }
}
