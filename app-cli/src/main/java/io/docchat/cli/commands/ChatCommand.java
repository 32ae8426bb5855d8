package io.docchat.cli.commands;

import io.docchat.cli.Backend;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.Terminal;
import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** {@code docchat chat}: an interactive session in which follow-up questions use the history. */
@Command(
        name = "chat",
        mixinStandardHelpOptions = true,
        description = {
            "Chat about a folder: each question is answered with its sources; follow-ups use the earlier answers.",
            "Commands: /sources (citations of the last answer), /new (start a new session), /quit.",
            "Ctrl-C during an answer stops it (stored as interrupted); Ctrl-C at the prompt exits."
        })
public final class ChatCommand extends TopLevelCommand {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    AskCommand.Target target = new AskCommand.Target();

    @Override
    int run(Backend backend) throws IOException {
        Terminal terminal = terminal();
        PrintWriter out = terminal.out();
        DocChat docChat = backend.docChat();
        AskCommand.Target where = target == null ? new AskCommand.Target() : target;
        Session session = where.session == null ? null : docChat.sessions().get(ACCOUNT, where.session);
        String folderId = session != null
                ? session.folderId()
                : Scopes.folder(docChat, ACCOUNT, where.folder == null ? "default" : where.folder).id();
        Folder folder = docChat.folders().get(ACCOUNT, folderId);
        Answering answering = new Answering(docChat, ACCOUNT, root().environment().interrupts());
        ChatItem last = null;

        out.println(terminal.dim("Chatting about '" + folder.name() + "'. /sources shows citations, /new starts over, /quit leaves."));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(root().environment().stdin(), StandardCharsets.UTF_8));
        while (true) {
            if (terminal.interactive()) {
                out.print(terminal.green("you> "));
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                return ExitCodes.OK;
            }
            String input = line.strip();
            if (input.isEmpty()) {
                continue;
            }
            switch (input) {
                case "/quit", "/exit", "/q" -> {
                    return ExitCodes.OK;
                }
                case "/new" -> {
                    session = null;
                    last = null;
                    out.println(terminal.dim("New session: earlier questions are forgotten."));
                    out.flush();
                    continue;
                }
                case "/sources" -> {
                    if (last == null) {
                        out.println(terminal.dim("(no answer yet)"));
                        out.flush();
                    } else {
                        Answering.printCitations(terminal, last.citations());
                    }
                    continue;
                }
                case "/help" -> {
                    out.println("/sources  citations of the last answer\n/new      start a new session\n/quit     leave");
                    out.flush();
                    continue;
                }
                default -> {
                    if (input.startsWith("/")) {
                        out.println("unknown command " + input + " (try /help)");
                        out.flush();
                        continue;
                    }
                }
            }
            if (session == null) {
                session = docChat.sessions().create(ACCOUNT, folderId, Scopes.nameFor(input), null);
                out.println(terminal.dim("(session " + session.id() + ")"));
            }
            try {
                Answering.Outcome outcome = answering.ask(session.id(), input, out);
                last = outcome.item();
                if (outcome.status() == ChatStatus.INTERRUPTED) {
                    out.println(terminal.yellow("(interrupted; the partial answer is kept)"));
                } else if (outcome.status() == ChatStatus.FAILED) {
                    out.println(terminal.red("(failed: " + outcome.failure() + ")"));
                } else {
                    out.println(terminal.dim(last.citations().isEmpty()
                            ? "(no sources)"
                            : "(" + last.citations().size() + " sources: /sources)"));
                }
                out.flush();
            } catch (DocChatException e) {
                if (e.code() == ErrorCode.SESSION_NOT_FOUND || e.code() == ErrorCode.FOLDER_NOT_FOUND) {
                    throw e;
                }
                terminal.err().println(terminal.red("error: ") + e.getMessage());
                terminal.err().flush();
            }
        }
    }
}
