package io.docchat.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Passage;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.port.PromptPassage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAnswerModelTest {

    private final ExtractiveAnswerModel model = new ExtractiveAnswerModel();

    private static AnswerPrompt prompt(String question, String... passages) {
        List<PromptPassage> list = new ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            Passage p = new Passage(100 + i, 7, "acc", "f", i, passages[i], List.of(), List.of());
            list.add(new PromptPassage(i + 1, p, "doc" + i + ".txt"));
        }
        return new AnswerPrompt(question, question, List.of(), list);
    }

    private record Answer(String text, List<String> deltas, List<CitedSpan> citations) {}

    private static Answer run(AnswerModel m, AnswerPrompt prompt) {
        try (AnswerStream stream = m.answer(prompt)) {
            assertThat(stream.citationsKnownUpFront()).isTrue();
            List<CitedSpan> citations = stream.citations();
            List<String> deltas = new ArrayList<>();
            String d;
            while ((d = stream.nextDelta()) != null) {
                assertThat(d).isNotEmpty();
                deltas.add(d);
            }
            assertThat(stream.citations()).isEqualTo(citations);
            return new Answer(String.join("", deltas), deltas, citations);
        }
    }

    private interface AnswerModel extends io.docchat.core.port.AnswerModel {}

    private Answer run(AnswerPrompt prompt) {
        return run(model::answer, prompt);
    }

    private static final String PUMPS = "The ZX-9 pump is our smallest model. Its maximum flow rate is 40 cubic metres"
            + " per hour. The ZX-9 pump costs 1,200 dollars. It ships in two weeks.";
    private static final String VALVES = "The V-2 valve controls pressure in the main line. Valves are made of brass."
            + " The V-2 valve costs 80 dollars.";

    @Test
    void answersWithTheBestSentenceAndCitesItExactly() {
        AnswerPrompt prompt = prompt("How much does the ZX-9 pump cost?", VALVES, PUMPS);
        Answer answer = run(prompt);
        // The question's own words ("The ZX-9 pump costs") are not what it asks for: the answer is the value.
        assertThat(answer.text()).isEqualTo("1,200 dollars.");
        assertThat(answer.citations()).isNotEmpty();
        StringBuilder cited = new StringBuilder();
        for (CitedSpan span : answer.citations()) {
            String text = prompt.passages().get(span.passageNumber() - 1).passage().text();
            String sentence = text.substring(span.start(), span.end());
            assertThat(answer.text()).contains(sentence);
            cited.append(cited.length() == 0 ? "" : " ").append(sentence);
        }
        // The answer is exactly the cited sentences.
        assertThat(answer.text()).isEqualTo(cited.toString());
        assertThat(answer.citations()).anySatisfy(c -> assertThat(c.passageNumber()).isEqualTo(2));
    }

    @Test
    void streamsInSeveralDeltas() {
        Answer answer = run(prompt("What is the maximum flow rate of the ZX-9 pump?", PUMPS));
        assertThat(answer.deltas()).hasSizeGreaterThan(2);
        assertThat(answer.text()).contains("40 cubic metres per hour");
        for (String delta : answer.deltas().subList(0, answer.deltas().size() - 1)) {
            // Deltas end at word boundaries.
            assertThat(delta).endsWith(" ");
        }
    }

    @Test
    void aQuestionAboutSomethingAbsentGetsNoRelatedContentAndNoCitations() {
        Answer answer = run(prompt("What is the warranty period of the Orion battery?", PUMPS, VALVES));
        assertThat(answer.text()).isEqualTo(ChatItem.NO_RELATED_CONTENT);
        assertThat(answer.deltas()).hasSizeGreaterThan(1);
        assertThat(answer.citations()).isEmpty();
    }

    @Test
    void sharingOnlyAGenericWordIsNotEnough() {
        // "pump" is there, but nothing about its colour or its manufacturer.
        Answer answer = run(prompt("Which company manufactures the blue pump housing?", PUMPS));
        assertThat(answer.text()).isEqualTo(ChatItem.NO_RELATED_CONTENT);
    }

    @Test
    void noPassagesOrNoContentWordsGiveNoRelatedContent() {
        assertThat(run(prompt("How much does the ZX-9 pump cost?")).text()).isEqualTo(ChatItem.NO_RELATED_CONTENT);
        assertThat(run(prompt("What is it?", PUMPS)).text()).isEqualTo(ChatItem.NO_RELATED_CONTENT);
        assertThat(run(prompt("How much does the ZX-9 pump cost?", "", "   ")).text())
                .isEqualTo(ChatItem.NO_RELATED_CONTENT);
    }

    @Test
    void usesTheStandaloneQuestion() {
        Passage p = new Passage(1, 7, "acc", "f", 0, PUMPS, List.of(), List.of());
        AnswerPrompt prompt = new AnswerPrompt("and its price?", "what is the price of the ZX-9 pump, how much does it cost?",
                List.of(), List.of(new PromptPassage(1, p, "pumps.txt")));
        assertThat(run(prompt).text()).contains("1,200 dollars");
    }

    @Test
    void aHeadingIsNeverQuotedAsTheAnswerEvenWhenItLooksLikeAStatement() {
        String heading = "Retrieval quality: recall of the gold passage (RetrievalEval)";
        String text = heading + "\nRecall is measured on both question sets in one index, against a plain baseline.";
        Passage p = new Passage(1, 7, "acc", "f", 0, text, List.of("Lucene index", heading), List.of());
        AnswerPrompt prompt = new AnswerPrompt("How is retrieval quality measured?", "How is retrieval quality measured?",
                List.of(), List.of(new PromptPassage(1, p, "lucene.md")));
        Answer answer = run(prompt);
        assertThat(answer.text()).startsWith("Recall is measured").doesNotContain("RetrievalEval");
    }

    @Test
    void prefersTheHigherRankedPassageWhenSentencesTie() {
        String a = "The Falcon rocket was launched in 2010. It carried a capsule.";
        String b = "Another report: the Falcon rocket was launched in 2010. Cargo followed.";
        Answer answer = run(prompt("When was the Falcon rocket launched?", b, a));
        assertThat(answer.citations().get(0).passageNumber()).isEqualTo(1);
    }

    @Test
    void theFirstRankedPassageLeadsOverASomewhatBetterWordMatchLowerDown() {
        // The third passage holds one more of the question's words, the first all but that one: retrieval, which ranked
        // the first above it, is trusted over the small difference in words.
        String first = "The northern railway reached the harbour in 1871.";
        String other = "The museum opened its doors in 1990.";
        String third = "The northern railway reached the harbour town of Kell in 1902.";
        Answer answer = run(prompt("When did the northern railway reach the harbour town?", first, other, third));
        assertThat(answer.citations()).extracting(CitedSpan::passageNumber).containsExactly(1);
        assertThat(answer.text()).contains("1871").doesNotContain("1902");
    }

    @Test
    void aLowerPassageStillLeadsWhenTheFirstBarelyMatches() {
        String first = "The northern line was closed for repairs.";
        String third = "The northern railway reached the harbour town of Kell in 1902.";
        Answer answer = run(prompt("When did the northern railway reach the harbour town?", first, VALVES, third));
        assertThat(answer.citations()).extracting(CitedSpan::passageNumber).containsExactly(3);
    }

    @Test
    void respectsTheSentenceAndLengthLimits() {
        String text = "The ZX-9 pump was tested in the Leeds laboratory. It reached a flow rate of 40 cubic metres per hour."
                + " The weather was fine.";
        String question = "Which flow rate did the ZX-9 pump reach when tested in the Leeds laboratory?";
        assertThat(run(prompt(question, text)).citations()).hasSize(2);
        ExtractiveAnswerModel one = new ExtractiveAnswerModel(1, 600, 0.2);
        assertThat(run(one::answer, prompt(question, text)).citations()).hasSize(1);
        ExtractiveAnswerModel short1 = new ExtractiveAnswerModel(3, 60, 0.2);
        assertThat(run(short1::answer, prompt(question, text)).citations()).hasSize(1);
    }

    @Test
    void repeatsNothingAndNeverAppendsOtherPassages() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            text.append("The ZX-9 pump flow rate is measured in test number ").append(i).append(". ");
        }
        String other = "The ZX-9 pump flow rate is also listed in the catalogue. The ZX-9 pump flow rate is 40 units.";
        Answer answer = run(prompt("What is the ZX-9 pump flow rate?", text.toString(), other));
        // Sentences that say the same add nothing; sentences of another passage are never glued on.
        assertThat(answer.citations()).hasSize(1);
        Answer mixed = run(prompt("What is the ZX-9 pump flow rate?", other, text.toString()));
        assertThat(mixed.citations()).allSatisfy(c -> assertThat(c.passageNumber())
                .isEqualTo(mixed.citations().get(0).passageNumber()));
    }

    @Test
    void addsTheNeighbourThatCompletesTheAnswer() {
        String text = "Nikola Tesla was born in 1856 in Smiljan. He died in New York in 1943. Unrelated trivia follows"
                + " here about pigeons.";
        Answer answer = run(prompt("Where did Nikola Tesla die?", text));
        assertThat(answer.text()).contains("He died in New York in 1943.");
    }

    @Test
    void answersChineseQuestionsFromChinesePassages() {
        String zh1 = "ZX-9水泵是我们最小的型号。它的最大流量为每小时四十立方米。ZX-9水泵的售价为一千二百元。";
        String zh2 = "V-2阀门用于控制主管道的压力。阀门由黄铜制成。";
        AnswerPrompt prompt = prompt("ZX-9水泵的售价是多少？", zh2, zh1);
        Answer answer = run(prompt);
        assertThat(answer.text()).contains("ZX-9水泵的售价为一千二百元。");
        assertThat(answer.deltas()).hasSizeGreaterThan(2);
        CitedSpan span = answer.citations().get(0);
        assertThat(span.passageNumber()).isEqualTo(2);
        assertThat(zh1.substring(span.start(), span.end())).isIn(answer.text().split("(?<=。)"));
        assertThat(run(prompt("长城有多长？", zh1, zh2)).text()).isEqualTo(ChatItem.NO_RELATED_CONTENT);
    }

    @Test
    void closeEndsTheStream() {
        AnswerStream stream = model.answer(prompt("What is the maximum flow rate of the ZX-9 pump?", PUMPS));
        assertThat(stream.nextDelta()).isNotNull();
        stream.close();
        assertThat(stream.nextDelta()).isNull();
    }

    @Test
    void rejectsBadTuning() {
        assertThatThrownBy(() -> new ExtractiveAnswerModel(0, 600, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtractiveAnswerModel(3, 600, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHeadingIntroducesButIsNotTheAnswer() {
        Answer answer = run(prompt("What is the ZX-9 warranty?",
                "ZX-9 warranty\nThe warranty lasts two years and covers parts and labour. Shipping is free."));
        assertThat(answer.text()).startsWith("The warranty lasts two years");
    }

    @Test
    void theHeadingPathAndDocumentNameCountAsContext() {
        Passage p = new Passage(1, 7, "acc", "f", 3, "It costs 1,200 dollars. Delivery takes a week.",
                List.of("Pumps", "ZX-9"), List.of());
        AnswerPrompt prompt = new AnswerPrompt("How much does the ZX-9 cost?", "How much does the ZX-9 cost?",
                List.of(), List.of(new PromptPassage(1, p, "catalogue.txt")));
        Answer answer = run(prompt);
        assertThat(answer.text()).isEqualTo("1,200 dollars.");
        Passage bare = new Passage(1, 7, "acc", "f", 3, p.text(), List.of(), List.of());
        AnswerPrompt without = new AnswerPrompt(prompt.question(), prompt.question(), List.of(),
                List.of(new PromptPassage(1, bare, "catalogue.txt")));
        assertThat(run(without).text()).isEqualTo(ChatItem.NO_RELATED_CONTENT);
    }

    @Test
    void recognisesLabels() {
        assertThat(ExtractiveAnswerModel.isLabel("ZX-9 warranty")).isTrue();
        assertThat(ExtractiveAnswerModel.isLabel("产品价格")).isTrue();
        assertThat(ExtractiveAnswerModel.isLabel("The warranty lasts two years.")).isFalse();
        assertThat(ExtractiveAnswerModel.isLabel("ZX-9 | 40 | 1200")).isFalse();
        assertThat(ExtractiveAnswerModel.isLabel("最大流量：40立方米每小时")).isFalse();
    }
}
