package io.docchat.cli.commands;

import io.docchat.cli.DocChatCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code docchat keys}: the credentials the HTTP server accepts. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {
            "Manage the credentials of the HTTP server: AccessKey pairs (signed requests of the official SDKs)",
            "and bearer tokens. While none exist, the server runs in local mode and listens on loopback only."
        },
        subcommands = {KeysCreateCommand.class, KeysListCommand.class, KeysRevokeCommand.class})
public final class KeysCommand implements Runnable {
    @ParentCommand
    private DocChatCli root;

    @Spec
    private CommandSpec spec;

    DocChatCli root() {
        return root;
    }

    @Override
    public void run() {
        spec.commandLine().usage(root.terminal().out());
    }
}
