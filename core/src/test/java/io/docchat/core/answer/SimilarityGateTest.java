package io.docchat.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Passage;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.PromptPassage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refusal by meaning: the passages' similarity to the question overrules, or leaves to, the words. */
class SimilarityGateTest {

    private static final String PUMPS = "The ZX-9 pump is our smallest model. Its maximum flow rate is 40 cubic metres"
            + " per hour. The ZX-9 pump costs 1,200 dollars. It ships in two weeks.";
    private static final String VALVES = "The V-2 valve controls pressure in the main line. Valves are made of brass.";
    /** Shares one content word ("pump") with the passage: too little for the words alone. */
    private static final String WEAK = "Which pump did the Roman aqueduct engineers of Nîmes favour for lifting?";

    private final ExtractiveAnswerModel gated = new ExtractiveAnswerModel(
            ExtractiveAnswerModel.DEFAULT_REFUSAL_THRESHOLD, SimilarityGate.BGE_SMALL);

    /** Passages with these similarities (NaN: not measured), in order. */
    private static AnswerPrompt prompt(String question, List<String> texts, double... similarities) {
        List<PromptPassage> list = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Passage p = new Passage(100 + i, 7 + i, "acc", "f", i, texts.get(i), List.of(), List.of());
            list.add(new PromptPassage(i + 1, p, "doc" + i + ".txt", similarities[i]));
        }
        return new AnswerPrompt(question, question, List.of(), list);
    }

    private static String answer(ExtractiveAnswerModel m, AnswerPrompt prompt) {
        return RefusalAndTablesTest.answer(m, prompt);
    }

    @Test
    void passagesFarInMeaningAreRefusedHoweverManyWordsMatch() {
        String question = "How much does the ZX-9 pump cost?";
        assertThat(answer(gated, prompt(question, List.of(PUMPS), Double.NaN))).contains("1,200 dollars");
        assertThat(answer(gated, prompt(question, List.of(PUMPS), 0.80))).contains("1,200 dollars");
        assertThat(answer(gated, prompt(question, List.of(PUMPS), 0.40))).isEqualTo(ChatItem.NO_RELATED_CONTENT);
        // Without the gate the words alone answer.
        assertThat(answer(new ExtractiveAnswerModel(), prompt(question, List.of(PUMPS), 0.40))).contains("1,200");
    }

    @Test
    void passagesCloseInMeaningAreAnsweredOnFewWords() {
        assertThat(answer(new ExtractiveAnswerModel(), prompt(WEAK, List.of(PUMPS), Double.NaN)))
                .isEqualTo(ChatItem.NO_RELATED_CONTENT);
        assertThat(answer(gated, prompt(WEAK, List.of(PUMPS), Double.NaN))).isEqualTo(ChatItem.NO_RELATED_CONTENT);
        assertThat(answer(gated, prompt(WEAK, List.of(PUMPS), 0.65))).isEqualTo(ChatItem.NO_RELATED_CONTENT);
        assertThat(answer(gated, prompt(WEAK, List.of(PUMPS), 0.75))).contains("ZX-9");
    }

    @Test
    void wordsDecideWhenThePassageHoldingTheEvidenceHasNoMeasuredSimilarity() {
        // A document searchable by words before its vectors are computed is not refused for another's distance.
        String question = "How much does the ZX-9 pump cost?";
        AnswerPrompt prompt = prompt(question, List.of(VALVES, PUMPS), 0.40, Double.NaN);
        assertThat(answer(gated, prompt)).contains("1,200 dollars");
        assertThat(gated.evidence(prompt).similarity()).isNaN();
        AnswerPrompt measured = prompt(question, List.of(VALVES, PUMPS), 0.40, 0.45);
        assertThat(gated.evidence(measured).similarity()).isEqualTo(0.45);
        assertThat(answer(gated, measured)).isEqualTo(ChatItem.NO_RELATED_CONTENT);
    }

    @Test
    void boundsMustBeOrderedCosines() {
        assertThatThrownBy(() -> new SimilarityGate(0.8, 0.7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityGate(-2, 0.7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityGate(0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
