package io.docchat.cli.commands;

import io.docchat.cli.DocChatCli;
import io.docchat.cli.Terminal;
import io.docchat.core.DocChat;
import io.docchat.core.api.Accounts;
import io.docchat.sqlite.SqliteDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * A command under {@code docchat keys}. It opens only the account store, not the engine: the passage index belongs to
 * a server that may be running on the same data directory, and a leaked key must be revocable without stopping it.
 * The server reads credentials from the store on every request, so a change takes effect on its next request.
 */
abstract class KeysSubcommand implements Callable<Integer> {
    @ParentCommand
    private KeysCommand keys;

    DocChatCli root() {
        return keys.root();
    }

    Terminal terminal() {
        return root().terminal();
    }

    abstract int run(Accounts accounts) throws Exception;

    @Override
    public Integer call() throws Exception {
        // An engine over the account store alone: everything else it holds is in memory and empty.
        try (SqliteDatabase database = SqliteDatabase.open(root().home().create().database());
                DocChat accountsOnly = DocChat.builder().accountStore(database.accountStore()).build()) {
            return run(accountsOnly.accounts());
        }
    }
}
