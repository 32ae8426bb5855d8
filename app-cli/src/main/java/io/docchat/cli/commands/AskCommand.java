package io.docchat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.cli.Backend;
import io.docchat.cli.CliException;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.Terminal;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Session;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docchat ask}: one question, the answer streamed, then its sources. */
@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = {
            "Ask one question about a folder (a new session) or in an existing session (a follow-up).",
            "The answer is printed as it is written, then the cited documents, pages and lines.",
            "Ctrl-C stops the answer; it is kept in the history as interrupted."
        })
public final class AskCommand extends TopLevelCommand {

    /** Where the question goes: at most one of the two. */
    static final class Target {
        @Option(names = {"-f", "--folder"}, paramLabel = "PATH",
                description = "Folder path to ask about, with its sub-folders (default: default).")
        String folder;

        @Option(names = {"-s", "--session"}, paramLabel = "ID", description = "Session to continue (follow-up).")
        String session;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target = new Target();

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (quote it, or give it as words).")
    List<String> words;

    @Option(names = "--json", description = "Print the stored answer with citations and timings as JSON.")
    boolean json;

    @Override
    String firstQuestion() {
        return question();
    }

    private String question() {
        return String.join(" ", words).strip();
    }

    @Override
    int run(Backend backend) {
        String question = question();
        if (question.isEmpty()) {
            throw CliException.usage("the question is empty");
        }
        Terminal terminal = terminal();
        Target where = target == null ? new Target() : target;
        Session session = Scopes.session(backend.docChat(), ACCOUNT, where.session, where.folder, Scopes.nameFor(question));
        Answering answering = new Answering(backend.docChat(), ACCOUNT, root().environment().interrupts());
        Answering.Outcome outcome = answering.ask(session.id(), question, json ? null : terminal.out());
        if (json) {
            Json jsonOut = new Json();
            ObjectNode node = jsonOut.object();
            node.put("sessionId", session.id());
            node.set("item", jsonOut.chatItem(outcome.item()));
            if (outcome.timings() != null) {
                node.set("timings", jsonOut.timings(outcome.timings()));
            }
            jsonOut.print(terminal.out(), node);
        } else {
            Answering.printCitations(terminal, outcome.item().citations());
            terminal.err().println(terminal.dim("session " + session.id()
                    + " · follow up with: docchat ask --session " + session.id() + " \"...\""));
            terminal.err().flush();
        }
        return exitCode(outcome, terminal);
    }

    static int exitCode(Answering.Outcome outcome, Terminal terminal) {
        if (outcome.status() == ChatStatus.INTERRUPTED) {
            terminal.err().println(terminal.yellow("interrupted: the partial answer is stored"));
            terminal.err().flush();
            return ExitCodes.INTERRUPTED;
        }
        if (outcome.status() == ChatStatus.FAILED) {
            terminal.err().println(terminal.red("error: ") + "the answer failed: "
                    + (outcome.failure() != null ? outcome.failure() : outcome.item().errorMessage()));
            terminal.err().flush();
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
