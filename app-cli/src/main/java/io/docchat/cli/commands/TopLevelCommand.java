package io.docchat.cli.commands;

import io.docchat.cli.DocChatCli;
import picocli.CommandLine.ParentCommand;

/** A {@link BackendCommand} directly under {@code docchat}. */
abstract class TopLevelCommand extends BackendCommand {
    @ParentCommand
    private DocChatCli root;

    @Override
    DocChatCli root() {
        return root;
    }
}
