package io.docchat.cli.commands.samples;

import io.docchat.core.DocChat;
import io.docchat.core.model.Account;

/** A command that keeps the facade rule, so that the rule can be shown to let it pass. */
public final class FacadeOnlyCommand {

    public boolean knowsTheLocalAccount(DocChat docChat) {
        return docChat.accounts().list().stream().anyMatch(account -> account.id().equals(Account.LOCAL));
    }
}
