package io.docchat.cli.commands;

import io.docchat.cli.Interrupts;
import io.docchat.cli.Terminal;
import io.docchat.core.DocChat;
import io.docchat.core.api.ChatEvent;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.ChatStream;
import io.docchat.core.api.StageTimings;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import java.io.PrintWriter;
import java.util.List;

/** Streams one answer to the terminal as it is written, with Ctrl-C cancelling it, and prints citations. */
final class Answering {
    private static final int MAX_LINES_SHOWN = 4;

    /** The stored item at the end of an answer, and its timings when it completed. */
    record Outcome(ChatItem item, StageTimings timings, String failure) {
        ChatStatus status() {
            return item.status();
        }
    }

    private final DocChat docChat;
    private final String accountId;
    private final Interrupts interrupts;

    Answering(DocChat docChat, String accountId, Interrupts interrupts) {
        this.docChat = docChat;
        this.accountId = accountId;
        this.interrupts = interrupts;
    }

    /** Asks; prints each delta to {@code out} as it arrives unless {@code out} is null. */
    Outcome ask(String sessionId, String question, PrintWriter out) {
        ChatStream stream = docChat.chat().stream(accountId, new ChatRequest(sessionId, question));
        ChatItem item = null;
        StageTimings timings = null;
        String failure = null;
        try (stream; Interrupts.Scope scope = interrupts.whileRunning(stream::cancel)) {
            while (stream.hasNext()) {
                ChatEvent event = stream.next();
                if (event instanceof ChatEvent.Started started) {
                    item = started.item();
                } else if (event instanceof ChatEvent.Delta delta) {
                    if (out != null) {
                        out.print(delta.text());
                        out.flush();
                    }
                } else if (event instanceof ChatEvent.Completed completed) {
                    item = completed.item();
                    timings = completed.timings();
                } else if (event instanceof ChatEvent.Interrupted interrupted) {
                    item = interrupted.item();
                } else if (event instanceof ChatEvent.Failed failed) {
                    item = failed.item();
                    failure = failed.message();
                }
            }
        }
        if (out != null) {
            out.println();
            out.flush();
        }
        if (item == null) {
            throw new IllegalStateException("the answer stream ended without an answer");
        }
        return new Outcome(item, timings, failure);
    }

    /** Prints the citations: document, pages and the cited lines. */
    static void printCitations(Terminal terminal, List<Citation> citations) {
        PrintWriter out = terminal.out();
        if (citations.isEmpty()) {
            out.println(terminal.dim("(no sources)"));
            out.flush();
            return;
        }
        out.println(terminal.bold("Sources:"));
        int number = 1;
        for (Citation citation : citations) {
            out.println("  " + terminal.cyan("[" + number++ + "]") + " " + terminal.bold(citation.documentName())
                    + terminal.dim(" (document " + citation.documentId() + ", " + citation.pageCount() + " pages)"));
            for (CitedPage page : citation.pages()) {
                List<CitedLine> lines = page.lines();
                out.println("      page " + page.pageNumber() + lineRange(lines));
                for (int i = 0; i < Math.min(lines.size(), MAX_LINES_SHOWN); i++) {
                    out.println("        " + terminal.dim("│ ") + lines.get(i).text().strip());
                }
                if (lines.size() > MAX_LINES_SHOWN) {
                    out.println("        " + terminal.dim("│ … " + (lines.size() - MAX_LINES_SHOWN) + " more lines"));
                }
            }
        }
        out.flush();
    }

    private static String lineRange(List<CitedLine> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        int first = lines.get(0).lineNumber();
        int last = lines.get(lines.size() - 1).lineNumber();
        return first == last ? ", line " + first : ", lines " + first + "–" + last;
    }
}
