package io.docchat.cli.commands;

import io.docchat.cli.Backend;
import io.docchat.cli.DocChatCli;
import io.docchat.cli.Terminal;
import io.docchat.core.model.Account;
import java.util.concurrent.Callable;

/** A command that works on the engine of the data directory, opened for the command and closed after it. */
abstract class BackendCommand implements Callable<Integer> {
    /** The command line works in the account of the embedded instance, which a local-mode server shares. */
    static final String ACCOUNT = Account.LOCAL;

    abstract DocChatCli root();

    abstract int run(Backend backend) throws Exception;

    Terminal terminal() {
        return root().terminal();
    }

    /** The question the command will ask first, when it knows it before the engine opens; else null. */
    String firstQuestion() {
        return null;
    }

    @Override
    public Integer call() throws Exception {
        try (Backend backend = root().openBackendFor(firstQuestion())) {
            return run(backend);
        }
    }
}
