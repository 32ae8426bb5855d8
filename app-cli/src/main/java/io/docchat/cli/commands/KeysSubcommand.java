package io.docchat.cli.commands;

import io.docchat.cli.DocChatCli;
import picocli.CommandLine.ParentCommand;

/** A command under {@code docchat keys}. */
abstract class KeysSubcommand extends BackendCommand {
    @ParentCommand
    private KeysCommand keys;

    @Override
    DocChatCli root() {
        return keys.root();
    }
}
