package io.docchat.cli.commands;

import io.docchat.cli.CliException;
import io.docchat.cli.DocChatCli;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.KnowledgeBaseMigration;
import io.docchat.cli.StoreSettings;
import io.docchat.cli.Terminal;
import java.io.PrintWriter;
import java.util.List;
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
    /** The order the counts are shown in. */
    private static final List<String> TABLES = List.of("account", "access_key", "bearer_token", "folder", "document",
            "page", "passage", "stored_file", "chat_session", "chat_item");

    @ParentCommand
    private DocChatCli root;

    @Option(names = "--to", paramLabel = "URL",
            description = "The PostgreSQL database to fill, postgresql://user:password@host:5432/database"
                    + " (default: the configured --store).")
    String target;

    @Override
    public Integer call() {
        StoreSettings to = target != null ? new StoreSettings(target) : root.storeSettings();
        if (!to.shared()) {
            throw new CliException(ExitCodes.USAGE, "name the PostgreSQL database to copy into with --to"
                    + " postgresql://user:password@host:5432/database", null);
        }
        Terminal terminal = root.terminal();
        KnowledgeBaseMigration.Result result = KnowledgeBaseMigration.run(root.home(), to, line -> {
            terminal.err().println("  " + line);
            terminal.err().flush();
        });
        PrintWriter out = terminal.out();
        out.printf("%-14s %12s %12s%n", "table", "embedded", "postgresql");
        for (String table : TABLES) {
            long expected = result.expected().getOrDefault(table, 0L);
            long found = result.found().getOrDefault(table, 0L);
            out.printf("%-14s %12d %12d%s%n", table, expected, found, expected == found ? "" : "   MISMATCH");
        }
        for (String missing : result.missingFiles()) {
            out.println(terminal.yellow("missing original file: ") + missing);
        }
        out.flush();
        if (!result.countsMatch()) {
            throw new CliException(ExitCodes.FAILURE, "the copy in " + result.target() + " does not match the"
                    + " embedded knowledge base (see MISMATCH above)", null);
        }
        out.println(terminal.bold("Copied; every count matches.") + " Serve it with: docchat serve --store "
                + result.target());
        out.flush();
        return ExitCodes.OK;
    }
}
