package io.docchat.cli.commands;

import io.docchat.cli.Backend;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.Terminal;
import io.docchat.core.model.FolderNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docchat folders}: the folder tree with document counts. */
@Command(name = "folders", mixinStandardHelpOptions = true, description = "Show the folder tree with document counts.")
public final class FoldersCommand extends TopLevelCommand {

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    int run(Backend backend) {
        Terminal terminal = terminal();
        List<FolderNode> tree = backend.docChat().folders().tree(ACCOUNT);
        if (json) {
            Json out = new Json();
            out.print(terminal.out(), out.folders(tree, ""));
            return ExitCodes.OK;
        }
        if (tree.isEmpty()) {
            terminal.out().println("No folders yet: docchat ingest FILE --folder NAME creates one.");
        }
        print(terminal, tree, "");
        terminal.out().flush();
        return ExitCodes.OK;
    }

    private void print(Terminal terminal, List<FolderNode> nodes, String indent) {
        for (FolderNode node : nodes) {
            terminal.out().println(indent + terminal.bold(Terminal.printable(node.folder().name()) + "/")
                    + terminal.dim("  " + node.documentCount() + " documents  " + node.folder().id()));
            print(terminal, node.children(), indent + "  ");
        }
    }
}
