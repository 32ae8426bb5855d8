package io.docchat.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.cli.Backend;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.Terminal;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docchat sessions}: the chat sessions, newest first. */
@Command(name = "sessions", mixinStandardHelpOptions = true, description = "List chat sessions, newest first.")
public final class SessionsCommand extends TopLevelCommand {

    @Option(names = "--name", paramLabel = "TEXT", description = "Only sessions whose name contains this.")
    String nameContains;

    @Option(names = "--page", defaultValue = "1", description = "Page number (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--size", defaultValue = "20", description = "Sessions per page, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    int run(Backend backend) {
        Terminal terminal = terminal();
        ResultPage<Session> sessions = backend.docChat().sessions()
                .list(ACCOUNT, null, nameContains, new PageRequest(page, size));
        FolderPaths paths = FolderPaths.of(backend.docChat().folders().tree(ACCOUNT));
        if (json) {
            Json out = new Json();
            ObjectNode root = out.object();
            root.put("total", sessions.total());
            root.put("page", sessions.page());
            root.put("pageSize", sessions.pageSize());
            ArrayNode items = root.putArray("sessions");
            sessions.items().forEach(s -> items.add(out.session(s, paths.pathOf(s.folderId()))));
            out.print(terminal.out(), root);
            return ExitCodes.OK;
        }
        if (sessions.items().isEmpty()) {
            terminal.out().println("No sessions.");
        }
        for (Session session : sessions.items()) {
            terminal.out().println(terminal.bold(session.id()) + "  " + Terminal.printable(session.name())
                    + terminal.dim("  [" + Terminal.printable(paths.pathOf(session.folderId())) + "]  " + session.updatedAt()));
        }
        if (sessions.totalPages() > sessions.page()) {
            terminal.out().println(terminal.dim("page " + sessions.page() + " of " + sessions.totalPages()
                    + " (" + sessions.total() + " sessions): --page " + (sessions.page() + 1) + " for more"));
        }
        terminal.out().flush();
        return ExitCodes.OK;
    }
}
