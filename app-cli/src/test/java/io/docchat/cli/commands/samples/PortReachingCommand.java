package io.docchat.cli.commands.samples;

import io.docchat.core.DocChat;
import io.docchat.core.port.AccountStore;

/** A command that breaks the facade rule on purpose, so that the rule can be shown to catch it. */
public final class PortReachingCommand {
    private final AccountStore accounts;

    public PortReachingCommand(AccountStore accounts) {
        this.accounts = accounts;
    }

    public int accountCount() {
        return accounts.listAccounts().size();
    }

    /** The compliant way, for contrast. */
    public static int accountCount(DocChat docChat) {
        return docChat.accounts().list().size();
    }
}
