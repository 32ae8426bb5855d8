package io.docchat.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Passage;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.port.PromptPassage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A claim supported by several documents cites each of them; a question keeps one precise answer. */
class ClaimSupportTest {

    private final ExtractiveAnswerModel model = new ExtractiveAnswerModel();

    private static final String TRIAL = "In a randomised trial, vitamin D supplementation reduced fracture risk in"
            + " elderly women. Adherence was high.";
    private static final String COHORT = "Patients were followed for ten years. Vitamin D supplementation was linked"
            + " to a reduced fracture risk among elderly women in the cohort.";
    private static final String UNRELATED = "Elderly patients often take several drugs. The study enrolled women from"
            + " three hospitals.";

    private record Answer(String text, List<CitedSpan> citations) {}

    private Answer run(String query, String... passages) {
        double[] unmeasured = new double[passages.length];
        Arrays.fill(unmeasured, Double.NaN);
        return run(model, query, unmeasured, passages);
    }

    /** The answer of {@code m}, each passage with the similarity given (NaN: not measured). */
    private static Answer run(ExtractiveAnswerModel m, String query, double[] similarities, String... passages) {
        List<PromptPassage> list = new ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            list.add(new PromptPassage(i + 1, new Passage(100 + i, 200 + i, "acc", "f", 0, passages[i], List.of(),
                    List.of()), "abstract" + i + ".txt", similarities[i]));
        }
        StringBuilder text = new StringBuilder();
        try (AnswerStream stream = m.answer(new AnswerPrompt(query, query, List.of(), list))) {
            String d;
            while ((d = stream.nextDelta()) != null) {
                text.append(d);
            }
            return new Answer(text.toString(), stream.citations());
        }
    }

    @Test
    void aClaimCitesEverySupportingDocumentInRetrievalOrderAndNoUnrelatedOne() {
        String claim = "Vitamin D supplementation reduces fracture risk in elderly women.";
        Answer answer = run(claim, UNRELATED, COHORT, TRIAL);
        assertThat(answer.citations()).extracting(CitedSpan::passageNumber).containsExactly(2, 3);
        String[] passages = {UNRELATED, COHORT, TRIAL};
        StringBuilder cited = new StringBuilder();
        for (CitedSpan span : answer.citations()) {
            cited.append(cited.length() == 0 ? "" : " ")
                    .append(passages[span.passageNumber() - 1], span.start(), span.end());
        }
        // What the answer shows is exactly what it cites: one supporting sentence per document.
        assertThat(answer.text()).isEqualTo(cited.toString());
        assertThat(answer.text()).doesNotContain("Adherence").doesNotContain("ten years");
    }

    /** Says less of the claim than {@link #TRIAL} does, in other words, yet bears on it. */
    private static final String PARTIAL = "Supplementation with vitamin D was studied in a large cohort of elderly"
            + " women over a decade.";

    @Test
    void aClaimCitesADocumentThatHoldsLessOfItsWordsWhereRetrievalRankedIt() {
        String claim = "Vitamin D supplementation reduces fracture risk in elderly women.";
        Answer answer = run(claim, PARTIAL, TRIAL);
        // The first abstract shares less than 0.7 of the second's evidence, but enough to answer on its own.
        assertThat(answer.citations()).extracting(CitedSpan::passageNumber).containsExactly(1, 2);
        assertThat(answer.text()).startsWith("Supplementation with vitamin D");
    }

    @Test
    void aClaimLeavesOutADocumentFarFromItInMeaning() {
        ExtractiveAnswerModel gated = new ExtractiveAnswerModel(ExtractiveAnswerModel.DEFAULT_REFUSAL_THRESHOLD,
                SimilarityGate.BGE_SMALL);
        String claim = "Vitamin D supplementation reduces fracture risk in elderly women.";
        double floor = SimilarityGate.BGE_SMALL.boundsFor(claim).floor();
        Answer far = run(gated, claim, new double[] {floor - 0.05, 0.85}, PARTIAL, TRIAL);
        assertThat(far.citations()).extracting(CitedSpan::passageNumber).containsExactly(2);
        Answer near = run(gated, claim, new double[] {floor + 0.05, 0.85}, PARTIAL, TRIAL);
        assertThat(near.citations()).extracting(CitedSpan::passageNumber).containsExactly(1, 2);
    }

    @Test
    void aQuestionOverTheSameDocumentsKeepsOnePreciseAnswer() {
        Answer answer = run("Does vitamin D supplementation reduce fracture risk in elderly women?",
                UNRELATED, COHORT, TRIAL);
        assertThat(answer.citations()).hasSize(1);
    }

    @Test
    void aClaimOneDocumentSupportsCitesThatOne() {
        Answer answer = run("Vitamin D supplementation reduces fracture risk in elderly women.", UNRELATED, TRIAL);
        assertThat(answer.citations()).extracting(CitedSpan::passageNumber).containsExactly(2);
    }
}
