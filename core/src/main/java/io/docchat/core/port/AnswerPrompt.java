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
 * @param background         how close the searched knowledge base at large comes to the question in meaning (the
 *                           cosine of its 20th nearest passage), which the passages' {@link PromptPassage#similarity()}
 *                           may be judged against; {@link Double#NaN} when retrieval did not measure it
 */
public record AnswerPrompt(String question, String standaloneQuestion, List<QaTurn> history,
        List<PromptPassage> passages, double background) {
    public AnswerPrompt {
        history = List.copyOf(history);
        passages = List.copyOf(passages);
    }

    /** A prompt without a measured background. */
    public AnswerPrompt(String question, String standaloneQuestion, List<QaTurn> history,
            List<PromptPassage> passages) {
        this(question, standaloneQuestion, history, passages, Double.NaN);
    }
}
