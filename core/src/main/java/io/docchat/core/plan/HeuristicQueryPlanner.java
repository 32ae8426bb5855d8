package io.docchat.core.plan;

import io.docchat.core.model.QaTurn;
import io.docchat.core.port.QueryPlanner;
import java.util.List;

/**
 * Makes follow-up questions standalone without a model, from the wording of the question and of the earlier ones.
 *
 * <p>A question is a follow-up when it leans on an earlier turn: a pronoun or demonstrative ("it", "its", "they",
 * "this", "the same"; 它, 其, 这个, 该...), an elliptic form ("what about X?", "and the price?", "X呢？", "那X呢？"), or
 * too few words of its own to stand alone. The subject of the conversation is taken from the latest standalone
 * question: a quoted or capitalized entity with the noun it names ("the ZX-9 pump"), the thing after "of", or the
 * longest run of content words; for Chinese, the question without its interrogative words (the owner before 的 when
 * there is one). The follow-up is rewritten by putting the subject in place of the pronoun, by putting a new entity in
 * place of the old one in the earlier question ("what about the ZX-7?"), or by attaching the subject. A question that
 * stands alone is returned unchanged. Stateless and thread-safe.
 */
public final class HeuristicQueryPlanner implements QueryPlanner {

    /** Creates a planner; it holds no state. */
    public HeuristicQueryPlanner() {}

    @Override
    public String standalone(String question, List<QaTurn> history) {
        if (question == null || history == null || history.isEmpty()) {
            return question;
        }
        Conversation conversation = Conversation.of(history);
        return conversation.rewrite(question);
    }
}
