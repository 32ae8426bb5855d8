package io.docchat.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Passage;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.port.PromptPassage;
import io.docchat.core.text.analysis.QuestionWords;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A question is answered with the clauses of the sentence that hold what it asks for, cited exactly. */
class PreciseAnswerTest {

    private final ExtractiveAnswerModel model = new ExtractiveAnswerModel();

    private static final String NORMANS = "The Normans were the people who in the 10th and 11th centuries gave their"
            + " name to Normandy, a region in France. They were descended from Norse raiders.";
    private static final String SCHOOLS = "The colony opened its first church schools under British rule, long before"
            + " federation; today Victoria has 489 Catholic schools.";

    private record Answer(String text, List<CitedSpan> citations) {}

    private Answer run(String question, String... passages) {
        List<PromptPassage> list = new ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            list.add(new PromptPassage(i + 1, new Passage(100 + i, 7, "acc", "f", i, passages[i], List.of(), List.of()),
                    "doc" + i + ".txt"));
        }
        StringBuilder text = new StringBuilder();
        try (AnswerStream stream = model.answer(new AnswerPrompt(question, question, List.of(), list))) {
            String d;
            while ((d = stream.nextDelta()) != null) {
                text.append(d);
            }
            return new Answer(text.toString(), stream.citations());
        }
    }

    private static String cited(Answer answer, String... passages) {
        StringBuilder sb = new StringBuilder();
        for (CitedSpan span : answer.citations()) {
            sb.append(sb.length() == 0 ? "" : " ")
                    .append(passages[span.passageNumber() - 1], span.start(), span.end());
        }
        return sb.toString();
    }

    @Test
    void aLabelOfTheQuestionsWordsIsAnsweredWithItsWholeValue() {
        String figures = "Bulk insert: 100,000 passages (20 documents of 5,000 passages, one transaction each) in 617 ms"
                + " = 162,000 passages/s.";
        Answer answer = run("What is the bulk insert rate?", figures);
        assertThat(answer.text()).startsWith("100,000 passages").contains("162,000 passages/s");
        assertThat(cited(answer, figures)).isEqualTo(answer.text());
    }

    @Test
    void aNumberKeepsItsUnitEvenWhenTheQuestionNamesIt() {
        String valve = "The actuator of the V-10 valve runs on 24 volts, and it closes in two seconds.";
        Answer answer = run("How many volts does the V-10 valve actuator need?", valve);
        assertThat(answer.text()).contains("24 volts");
        assertThat(cited(answer, valve)).isEqualTo(answer.text());
    }

    @Test
    void keepsTheClauseThatHoldsWhatTheQuestionLacks() {
        Answer answer = run("Normandy is a region in which country?", NORMANS);
        // The subject the question names ("The Normans") is not what it asks for; the country is.
        assertThat(answer.text()).contains("France").doesNotContain("The Normans").doesNotContain("Norse");
        assertThat(cited(answer, NORMANS)).isEqualTo(answer.text());
    }

    @Test
    void aNumberQuestionKeepsTheClauseWithTheNumberBesideTheQuestionsWords() {
        Answer answer = run("How many Catholic schools does Victoria have?", SCHOOLS);
        assertThat(answer.text()).contains("489").doesNotContain("British");
        assertThat(cited(answer, SCHOOLS)).isEqualTo(answer.text());
    }

    @Test
    void aTimeQuestionKeepsTheTime() {
        Answer answer = run("When did the Normans give their name to Normandy?", NORMANS);
        assertThat(answer.text()).contains("10th and 11th centuries").doesNotContain("France");
    }

    @Test
    void aClaimOrKeywordsGetTheWholeSupportingSentence() {
        String sentence = NORMANS.substring(0, NORMANS.indexOf('.') + 1);
        assertThat(run("Normandy is a region in France", NORMANS).text()).isEqualTo(sentence);
        assertThat(run("Normandy region country", NORMANS).text()).isEqualTo(sentence);
    }

    @Test
    void neverAnswersWithFunctionWordsAlone() {
        String text = "The ZX-9 pump costs 1,200 dollars, and the ZX-9 pump ships in two weeks.";
        Answer answer = run("How much does the ZX-9 pump cost?", text);
        assertThat(answer.text()).contains("1,200 dollars");
        assertThat(answer.text().strip()).isNotIn("The", "and", "the");
    }

    @Test
    void aChineseQuestionKeepsTheClauseThatAnswers() {
        String text = "长城位于中国北方，全长约两万一千公里，是古代的防御工程。";
        Answer answer = run("长城全长多少公里？", text);
        assertThat(answer.text()).contains("两万一千公里").doesNotContain("防御工程");
        assertThat(cited(answer, text)).isEqualTo(answer.text());
    }

    @Test
    void tellsQuestionsFromClaimsAndKeywords() {
        assertThat(QuestionWords.isQuestion("In what country is Normandy located?")).isTrue();
        assertThat(QuestionWords.isQuestion("what country is Normandy in")).isTrue();
        assertThat(QuestionWords.isQuestion("Does the pump ship in two weeks")).isTrue();
        assertThat(QuestionWords.isQuestion("長城有多長")).isTrue();
        assertThat(QuestionWords.isQuestion("Normandy is a region in France.")).isFalse();
        assertThat(QuestionWords.isQuestion("ZX-9 pump price")).isFalse();
        assertThat(QuestionWords.isQuestion("長城位於中國北方。")).isFalse();
    }
}
