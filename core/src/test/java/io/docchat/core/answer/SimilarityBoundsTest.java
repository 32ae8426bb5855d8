package io.docchat.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Passage;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.PromptPassage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The refusal against the knowledge base's background: a best passage that does not stand out from the twentieth
 * nearest is refused, one that does is answered on fewer words; the language of the question picks the bounds.
 */
class SimilarityBoundsTest {

    private static final SimilarityBounds EN = SimilarityBounds.BGE_SMALL_EN;
    private static final String PUMPS = "The ZX-9 pump is our smallest model. Its maximum flow rate is 40 cubic metres"
            + " per hour. The ZX-9 pump costs 1,200 dollars. It ships in two weeks.";
    /** Shares one content word ("pump") with the passage: too little for the words alone. */
    private static final String WEAK = "Which pump did the Roman aqueduct engineers of Nîmes favour for lifting?";

    private static Evidence evidence(double similarity, double words) {
        return new Evidence(words, words, similarity, words);
    }

    @Test
    void aBestPassageNoCloserThanTheBulkOfTheKnowledgeBaseIsRefused() {
        Evidence e = evidence(0.62, 0.5);
        // Standing out by 0.17 from the background: answered.
        assertThat(EN.refuses(e, 0.45, 0.25)).isFalse();
        // As close as the twentieth nearest passage: the knowledge base is merely near the topic.
        assertThat(EN.refuses(e, 0.62, 0.25)).isTrue();
        // Without a background the words decide between floor and confident.
        assertThat(EN.refuses(e, Double.NaN, 0.25)).isFalse();
        assertThat(EN.refuses(evidence(0.62, 0.2), Double.NaN, 0.25)).isTrue();
    }

    @Test
    void theStandingWeighsSimilarityLeadAndWords() {
        double background = 0.55;
        Evidence e = evidence(0.66, 0.4);
        assertThat(EN.standing(e, background))
                .isEqualTo(0.66 + EN.marginWeight() * (0.66 - background) + EN.wordWeight() * 0.4);
        // Just under the bar is refused, just over it answered.
        double words = (EN.bar() - 0.66 - EN.marginWeight() * (0.66 - background)) / EN.wordWeight();
        assertThat(EN.refuses(evidence(0.66, words - 0.01), background, 0.25)).isTrue();
        assertThat(EN.refuses(evidence(0.66, words + 0.01), background, 0.25)).isFalse();
    }

    @Test
    void belowTheFloorOrWithoutAnyMatchingWordEverythingIsRefused() {
        assertThat(EN.refuses(evidence(EN.floor() - 0.01, 1.0), 0.0, 0.25)).isTrue();
        assertThat(EN.refuses(evidence(0.95, 0.0), 0.2, 0.25)).isTrue();
        // Similarity not measured: words alone.
        assertThat(EN.refuses(evidence(Double.NaN, 0.3), 0.5, 0.25)).isFalse();
        assertThat(EN.refuses(evidence(Double.NaN, 0.2), 0.5, 0.25)).isTrue();
    }

    @Test
    void theBackgroundReachesTheGateThroughThePrompt() {
        ExtractiveAnswerModel gated = new ExtractiveAnswerModel(
                ExtractiveAnswerModel.DEFAULT_REFUSAL_THRESHOLD, SimilarityGate.BGE_SMALL);
        double words = gated.evidence(prompt(WEAK, 0.66, Double.NaN)).score();
        assertThat(words).isPositive().isLessThan(ExtractiveAnswerModel.DEFAULT_REFUSAL_THRESHOLD);
        // Too few words and not close enough to be confident: refused without a background...
        assertThat(answer(gated, prompt(WEAK, 0.66, Double.NaN))).isEqualTo(ChatItem.NO_RELATED_CONTENT);
        // ... and with a knowledge base about as close as the passage...
        assertThat(answer(gated, prompt(WEAK, 0.66, 0.64))).isEqualTo(ChatItem.NO_RELATED_CONTENT);
        // ... but answered when the passage stands far out from the rest.
        assertThat(answer(gated, prompt(WEAK, 0.66, 0.40))).contains("ZX-9");
    }

    @Test
    void aQuestionMostlyInChineseIsJudgedByTheChineseBoundsInEitherScript() {
        SimilarityGate gate = SimilarityGate.BGE_SMALL;
        assertThat(gate.boundsFor("How much does the ZX-9 pump cost?")).isSameAs(gate.latin());
        assertThat(gate.boundsFor("這台水泵的價格是多少？")).isSameAs(gate.chinese());
        assertThat(gate.boundsFor("这台水泵的价格是多少？")).isSameAs(gate.chinese());
        assertThat(gate.boundsFor("ZX-9 水泵多少钱")).isSameAs(gate.chinese());
        assertThat(gate.chinese()).isNotEqualTo(gate.latin());
        // A cosine the English model would refuse is within the Chinese model's range.
        double similarity = (gate.chinese().floor() + gate.latin().floor()) / 2;
        Evidence e = evidence(similarity, 1.0);
        assertThat(gate.refuses("這台水泵的價格是多少？", e, similarity - 0.2, 0.25)).isFalse();
        assertThat(gate.refuses("这台水泵的价格是多少？", e, similarity - 0.2, 0.25)).isFalse();
        assertThat(gate.refuses("How much does the pump cost?", e, similarity - 0.2, 0.25)).isTrue();
    }

    @Test
    void boundsMustBeOrderedAndWeightsNotNegative() {
        assertThatThrownBy(() -> new SimilarityBounds(0.8, 0.7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityBounds(0.5, 0.7, -1, 0.3, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityGate(null, EN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AnswerPrompt prompt(String question, double similarity, double background) {
        Passage p = new Passage(100, 7, "acc", "f", 0, PUMPS, List.of(), List.of());
        return new AnswerPrompt(question, question, List.of(),
                List.of(new PromptPassage(1, p, "doc0.txt", similarity)), background);
    }

    private static String answer(ExtractiveAnswerModel m, AnswerPrompt prompt) {
        return RefusalAndTablesTest.answer(m, prompt);
    }
}
