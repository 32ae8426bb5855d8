package io.docchat.cli.commands;

import io.docchat.cli.DocChatCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code docchat eval}: reproducible measurements of answer, citation and page quality. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure retrieval, citation and answer quality on evaluation sets, in a fresh temporary data directory.",
        subcommands = {EvalQaCommand.class, EvalPagesCommand.class})
public final class EvalCommand implements Runnable {
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
