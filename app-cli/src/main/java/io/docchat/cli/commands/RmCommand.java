package io.docchat.cli.commands;

import io.docchat.cli.Backend;
import io.docchat.cli.ExitCodes;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docchat rm}: deletes a document, an empty folder, or a session. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = {
            "Delete a document (its pages, passages and file), an empty folder, or a session with its history.",
            "Answers already given keep their citations."
        })
public final class RmCommand extends TopLevelCommand {

    /** Exactly one thing to delete. */
    static final class What {
        @Option(names = {"-d", "--document"}, paramLabel = "ID", description = "Document id (see: docchat docs).")
        Long document;

        @Option(names = {"-f", "--folder"}, paramLabel = "PATH", description = "An empty folder.")
        String folder;

        @Option(names = {"-s", "--session"}, paramLabel = "ID", description = "A session and its history.")
        String session;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Override
    int run(Backend backend) {
        if (what.document != null) {
            Document document = backend.docChat().documents().get(ACCOUNT, what.document);
            backend.docChat().documents().delete(ACCOUNT, what.document);
            terminal().out().println("Deleted document " + document.id() + " (" + document.fileName() + ").");
        } else if (what.folder != null) {
            Folder folder = Scopes.folder(backend.docChat(), ACCOUNT, what.folder);
            backend.docChat().folders().delete(ACCOUNT, folder.id());
            terminal().out().println("Deleted folder " + FolderPaths.normalize(what.folder) + ".");
        } else {
            backend.docChat().sessions().delete(ACCOUNT, what.session);
            terminal().out().println("Deleted session " + what.session + ".");
        }
        terminal().out().flush();
        return ExitCodes.OK;
    }
}
