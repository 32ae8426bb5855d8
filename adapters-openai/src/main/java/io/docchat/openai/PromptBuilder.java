package io.docchat.openai;

import io.docchat.core.model.ChatItem;
import io.docchat.core.model.QaTurn;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.PromptPassage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Turns an {@link AnswerPrompt} into chat messages that keep the model to the numbered passages. */
final class PromptBuilder {

    static final String SYSTEM_PROMPT = """
            You answer questions about a user's documents. Use ONLY the numbered passages in the user's message; \
            never use outside knowledge. Cite every statement with the number of the passage it comes from in square \
            brackets, like [1] or [2][3], right after the statement. Answer in the language of the question, \
            concisely. If the passages do not contain the answer, reply with exactly: \
            """ + ChatItem.NO_RELATED_CONTENT;

    private final int historyCharBudget;

    PromptBuilder(int historyCharBudget) {
        this.historyCharBudget = historyCharBudget;
    }

    List<ChatMessage> messages(AnswerPrompt prompt) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(SYSTEM_PROMPT));
        for (QaTurn turn : historyWithinBudget(prompt.history())) {
            messages.add(ChatMessage.user(turn.question()));
            messages.add(ChatMessage.assistant(turn.answer()));
        }
        messages.add(ChatMessage.user(userMessage(prompt)));
        return messages;
    }

    /** The newest turns that fit in the budget, oldest first; earlier turns matter less to a follow-up. */
    private List<QaTurn> historyWithinBudget(List<QaTurn> history) {
        Deque<QaTurn> kept = new ArrayDeque<>();
        int used = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            QaTurn turn = history.get(i);
            int size = turn.question().length() + turn.answer().length();
            if (used + size > historyCharBudget) {
                break;
            }
            used += size;
            kept.addFirst(turn);
        }
        return List.copyOf(kept);
    }

    private static String userMessage(AnswerPrompt prompt) {
        StringBuilder sb = new StringBuilder("Passages:\n\n");
        for (PromptPassage p : prompt.passages()) {
            sb.append('[').append(p.number()).append("] (").append(p.documentName()).append(", page ")
                    .append(p.passage().firstPage());
            if (p.passage().lastPage() != p.passage().firstPage()) {
                sb.append('-').append(p.passage().lastPage());
            }
            sb.append(")\n");
            if (!p.passage().headingPath().isEmpty()) {
                sb.append(String.join(" > ", p.passage().headingPath())).append('\n');
            }
            sb.append(p.passage().text().strip()).append("\n\n");
        }
        sb.append("Question: ").append(prompt.question().strip());
        if (!prompt.standaloneQuestion().equals(prompt.question())) {
            sb.append("\n(In full: ").append(prompt.standaloneQuestion().strip()).append(')');
        }
        return sb.toString();
    }
}
