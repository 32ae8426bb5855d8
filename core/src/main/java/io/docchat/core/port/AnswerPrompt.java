package io.docchat.core.port;

import io.docchat.core.model.QaTurn;
import java.util.List;

/**
 * What an answer model is asked.
 *
 * @param question           the question as the user asked it
 * @param standaloneQuestion the question made self-contained using the history (equal to {@code question} when it was)
 * @param history            recent Q&A pairs of the session, oldest first
 * @param passages           the retrieved passages, numbered from 1, best first
 */
public record AnswerPrompt(String question, String standaloneQuestion, List<QaTurn> history, List<PromptPassage> passages) {
    public AnswerPrompt {
        history = List.copyOf(history);
        passages = List.copyOf(passages);
    }
}
