package io.docchat.cli.commands;

import io.docchat.cli.Backend;
import io.docchat.cli.ExitCodes;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code docchat reindex}: rebuilds the passage index from the database. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the database (after an upgrade, or if the index was lost).")
public final class ReindexCommand extends TopLevelCommand {

    @Override
    int run(Backend backend) {
        long start = System.nanoTime();
        backend.docChat().reindex();
        terminal().out().printf(Locale.ROOT, "Reindexed in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        terminal().out().flush();
        return ExitCodes.OK;
    }
}
