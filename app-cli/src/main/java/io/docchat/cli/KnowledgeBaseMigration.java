package io.docchat.cli;

import io.docchat.core.files.FileSystemFileStore;
import io.docchat.postgres.PostgresStorage;
import io.docchat.sqlite.SqliteDatabase;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Copies the embedded knowledge base of a data directory into an empty PostgreSQL database and counts the rows of
 * both sides, so the caller can show whether anything is missing.
 */
public final class KnowledgeBaseMigration {
    /** The source tables whose rows the copy must match (the files are counted apart). */
    private static final List<String> SOURCE_TABLES = List.of("account", "access_key", "bearer_token", "folder",
            "document", "page", "passage", "chat_session", "chat_item");

    /**
     * What a copy did.
     *
     * @param target       the database, without its password
     * @param expected     rows per table in the embedded knowledge base (files: the distinct original files)
     * @param found        rows per table in PostgreSQL after the copy
     * @param missingFiles documents whose original file was missing from the data directory
     */
    public record Result(String target, Map<String, Long> expected, Map<String, Long> found,
            List<String> missingFiles) {
        public boolean countsMatch() {
            return expected.entrySet().stream()
                    .allMatch(entry -> entry.getValue().equals(found.getOrDefault(entry.getKey(), 0L)));
        }
    }

    private KnowledgeBaseMigration() {}

    /**
     * @throws CliException {@code NOT_FOUND} when the data directory has no embedded knowledge base
     * @throws io.docchat.core.DocChatException {@code CONFLICT} when the database already holds docchat data
     */
    public static Result run(DataHome home, StoreSettings target, Consumer<String> progress) {
        if (!Files.isRegularFile(home.database())) {
            throw new CliException(ExitCodes.NOT_FOUND, "there is no embedded knowledge base at " + home.database());
        }
        Map<String, Long> expected = sourceCounts(home);
        try (SqliteDatabase source = SqliteDatabase.open(home.database());
                PostgresStorage destination = PostgresStorage.open(target.url())) {
            progress.accept("copying " + home.database() + " into " + destination.describe());
            KnowledgeBaseCopy copy = new KnowledgeBaseCopy(source.accountStore(), source.knowledgeStore(),
                    source.chatStore(), new FileSystemFileStore(home.files()));
            KnowledgeBaseCopy.Copied copied = copy.into(destination, progress);
            expected.put("stored_file", copied.counts().getOrDefault("stored_file", 0L)
                    + copied.missingFiles().size());
            return new Result(destination.describe(), Map.copyOf(expected), destination.importer().counts(),
                    copied.missingFiles());
        }
    }

    /**
     * Counted straight from the database file, not through the stores the copy read from, so that the comparison also
     * catches rows the stores' queries would not have listed.
     */
    private static Map<String, Long> sourceCounts(DataHome home) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + home.database());
                Statement statement = connection.createStatement()) {
            for (String table : SOURCE_TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot count the rows of " + home.database() + ": "
                    + e.getMessage(), e);
        }
        return counts;
    }
}
