package io.docchat.cli.commands;

import io.docchat.cli.CliException;
import io.docchat.cli.DataHome;
import io.docchat.cli.DocChatCli;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.StoreSettings;
import io.docchat.cli.Terminal;
import io.docchat.core.files.FileSystemFileStore;
import io.docchat.postgres.PostgresStorage;
import io.docchat.sqlite.SqliteDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code docchat migrate}: copies the embedded knowledge base into PostgreSQL and checks that nothing is missing. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {
            "Copy the embedded knowledge base of the data directory (documents, pages, passages, files, folders,",
            "sessions, history, accounts and keys) into an empty PostgreSQL database, then compare the row counts",
            "of both. Run it while no docchat uses the data directory; the embedded knowledge base is only read."
        })
public final class MigrateCommand implements Callable<Integer> {
    /** The source tables whose rows the copy must match, and the files, counted apart. */
    private static final List<String> SOURCE_TABLES = List.of("account", "access_key", "bearer_token", "folder",
            "document", "page", "passage", "chat_session", "chat_item");

    @ParentCommand
    private DocChatCli root;

    @Option(names = "--to", paramLabel = "URL",
            description = "The PostgreSQL database to fill, postgresql://user:password@host:5432/database"
                    + " (default: the configured --store).")
    String target;

    @Override
    public Integer call() {
        DataHome home = root.home();
        if (!Files.isRegularFile(home.database())) {
            throw new CliException(ExitCodes.NOT_FOUND, "there is no embedded knowledge base at " + home.database());
        }
        StoreSettings to = target != null ? new StoreSettings(target) : root.storeSettings();
        if (!to.shared()) {
            throw new CliException(ExitCodes.USAGE, "name the PostgreSQL database to copy into with --to"
                    + " postgresql://user:password@host:5432/database", null);
        }
        Terminal terminal = root.terminal();
        PrintWriter out = terminal.out();
        Map<String, Long> expected = sourceCounts(home);
        KnowledgeBaseCopy.Copied copied;
        Map<String, Long> found;
        String described;
        try (SqliteDatabase source = SqliteDatabase.open(home.database());
                PostgresStorage destination = PostgresStorage.open(to.url())) {
            described = destination.describe();
            out.println("Copying " + home.database() + " into " + described);
            out.flush();
            KnowledgeBaseCopy copy = new KnowledgeBaseCopy(source.accountStore(), source.knowledgeStore(),
                    source.chatStore(), new FileSystemFileStore(home.files()));
            copied = copy.into(destination, line -> {
                terminal.err().println("  " + line);
                terminal.err().flush();
            });
            found = destination.importer().counts();
        }
        expected.put("stored_file", copied.counts().getOrDefault("stored_file", 0L)
                + copied.missingFiles().size());
        boolean same = true;
        out.printf("%-14s %12s %12s%n", "table", "embedded", "postgresql");
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            long there = found.getOrDefault(entry.getKey(), 0L);
            boolean equal = there == entry.getValue();
            same &= equal;
            out.printf("%-14s %12d %12d%s%n", entry.getKey(), entry.getValue(), there, equal ? "" : "   MISMATCH");
        }
        for (String missing : copied.missingFiles()) {
            out.println(terminal.yellow("missing original file: ") + missing);
        }
        out.flush();
        if (!same) {
            throw new CliException(ExitCodes.FAILURE, "the copy in " + described + " does not match the embedded"
                    + " knowledge base (see MISMATCH above)", null);
        }
        out.println(terminal.bold("Copied; every count matches.") + " Serve it with: docchat serve --store "
                + described);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Counted straight from the database file, not through the stores the copy read from, so that the
     * comparison also catches rows the stores' queries would not have listed.
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
