package io.docchat.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.cli.Backend;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.Terminal;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docchat history}: the questions and answers of a session, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Show the questions and answers of a session, oldest first.")
public final class HistoryCommand extends TopLevelCommand {

    @Parameters(paramLabel = "SESSION", description = "Session id (see: docchat sessions).")
    String sessionId;

    @Option(names = "--page", defaultValue = "1", description = "Page number (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--size", defaultValue = "20", description = "Items per page, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--sources", description = "Also show each answer's citations.")
    boolean sources;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    int run(Backend backend) {
        Terminal terminal = terminal();
        ResultPage<ChatItem> history = backend.docChat().chat().history(ACCOUNT, sessionId, new PageRequest(page, size));
        if (json) {
            Json out = new Json();
            ObjectNode root = out.object();
            root.put("sessionId", sessionId);
            root.put("total", history.total());
            root.put("page", history.page());
            root.put("pageSize", history.pageSize());
            ArrayNode items = root.putArray("items");
            history.items().forEach(item -> items.add(out.chatItem(item)));
            out.print(terminal.out(), root);
            return ExitCodes.OK;
        }
        PrintWriter out = terminal.out();
        if (history.items().isEmpty()) {
            out.println("No questions in this session yet.");
        }
        for (ChatItem item : history.items()) {
            out.println(terminal.green("Q: ") + terminal.bold(Terminal.printable(item.question())) + terminal.dim("  " + item.createdAt()));
            String status = item.status() == ChatStatus.COMPLETED ? "" : terminal.yellow(" [" + item.status().name().toLowerCase() + "]");
            out.println(terminal.cyan("A: ") + item.answer() + status);
            if (sources) {
                Answering.printCitations(terminal, item.citations());
            }
            out.println();
        }
        if (history.totalPages() > history.page()) {
            out.println(terminal.dim("page " + history.page() + " of " + history.totalPages() + ": --page "
                    + (history.page() + 1) + " for more"));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
