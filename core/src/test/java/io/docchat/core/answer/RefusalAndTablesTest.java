package io.docchat.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Page;
import io.docchat.core.model.Passage;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.port.NewPassage;
import io.docchat.core.port.PromptPassage;
import io.docchat.core.text.analysis.QuestionWords;
import io.docchat.core.text.chunking.Chunker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The refusal gate, its independence from the script, and answers read from table rows. */
class RefusalAndTablesTest {

    private final ExtractiveAnswerModel model = new ExtractiveAnswerModel();

    private static final String PUMPS = "The ZX-9 pump is our smallest model. Its maximum flow rate is 40 cubic metres"
            + " per hour. The ZX-9 pump costs 1,200 dollars. It ships in two weeks.";
    private static final String VALVES = "The V-2 valve controls pressure in the main line. Valves are made of brass."
            + " The V-2 valve costs 80 dollars.";

    private static AnswerPrompt prompt(String question, String... passages) {
        List<PromptPassage> list = new ArrayList<>();
        for (int i = 0; i < passages.length; i++) {
            Passage p = new Passage(100 + i, 7, "acc", "f", i, passages[i], List.of(), List.of());
            list.add(new PromptPassage(i + 1, p, "doc" + i + ".txt"));
        }
        return new AnswerPrompt(question, question, List.of(), list);
    }

    /** The whole text a model answers to a prompt. */
    static String answer(ExtractiveAnswerModel m, AnswerPrompt prompt) {
        StringBuilder sb = new StringBuilder();
        try (AnswerStream stream = m.answer(prompt)) {
            String d;
            while ((d = stream.nextDelta()) != null) {
                sb.append(d);
            }
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "How much does the ZX-9 pump cost?",
        "The ZX-9 pump costs 1,200 dollars.",
        "ZX-9 pump cost",
        "Tell me the maximum flow rate of the ZX-9 pump"})
    void answersQuestionsClaimsAndKeywordQueriesTheKnowledgeBaseHolds(String question) {
        AnswerPrompt prompt = prompt(question, VALVES, PUMPS);
        assertThat(model.evidence(prompt).score()).isGreaterThanOrEqualTo(model.refusalThreshold());
        // A question is answered with what it asks for; a claim or keywords with the sentence that supports them.
        assertThat(answer(model, prompt)).isNotEqualTo(ChatItem.NO_RELATED_CONTENT)
                .containsAnyOf("1,200 dollars", "40 cubic metres");
        if (!QuestionWords.isQuestion(question)) {
            assertThat(answer(model, prompt)).contains("ZX-9 pump");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Who was the first emperor of the Roman Empire?",
        "Photosynthesis converts light energy into chemical energy in chloroplasts.",
        "How much does the ZX-11 compressor weigh?"})
    void refusesWhatThePassagesDoNotAnswer(String question) {
        AnswerPrompt prompt = prompt(question, PUMPS, VALVES);
        assertThat(model.evidence(prompt).score()).isLessThan(model.refusalThreshold());
        assertThat(answer(model, prompt)).isEqualTo(ChatItem.NO_RELATED_CONTENT);
    }

    @Test
    void theThresholdIsTheSettingThatDecides() {
        AnswerPrompt partial = prompt("How much does the ZX-11 pump weigh?", PUMPS, VALVES);
        double score = model.evidence(partial).score();
        assertThat(score).isGreaterThan(0);
        assertThat(answer(new ExtractiveAnswerModel(score / 2), partial)).isNotEqualTo(ChatItem.NO_RELATED_CONTENT);
        assertThat(answer(new ExtractiveAnswerModel(Math.min(1, score + 0.01)), partial))
                .isEqualTo(ChatItem.NO_RELATED_CONTENT);
    }

    @Test
    void aFollowUpIsJudgedByItsStandaloneForm() {
        List<PromptPassage> passages = prompt("", PUMPS, VALVES).passages();
        AnswerPrompt followUp = new AnswerPrompt("And how much does it cost?", "And how much does the ZX-9 pump cost?",
                List.of(), passages);
        assertThat(answer(model, followUp)).isEqualTo("1,200 dollars.");
        AnswerPrompt alone = new AnswerPrompt("And how much does it weigh?", "And how much does it weigh?", List.of(),
                passages);
        assertThat(answer(model, alone)).isEqualTo(ChatItem.NO_RELATED_CONTENT);
    }

    @Test
    void traditionalSimplifiedAndFullWidthFormsGetTheSameDecision() {
        String simplified = "ZX-9水泵是我们最小的型号。它的最大流量为每小时四十立方米。ZX-9水泵的售价为一千二百元。";
        String traditional = "ZX-9水泵是我們最小的型號。它的最大流量為每小時四十立方米。ZX-9水泵的售價為一千二百元。";
        String valves = "V-2阀门用于控制主管道的压力。阀门由黄铜制成。";
        List<String> forms = List.of("ZX-9水泵的售价是多少？", "ZX-9水泵的售價是多少？", "ＺＸ－９水泵的售價是多少？");
        for (String passage : List.of(simplified, traditional)) {
            double first = model.evidence(prompt(forms.get(0), valves, passage)).score();
            assertThat(first).isGreaterThanOrEqualTo(model.refusalThreshold());
            for (String question : forms) {
                AnswerPrompt prompt = prompt(question, valves, passage);
                assertThat(model.evidence(prompt).score()).as(question).isEqualTo(first);
                // The answer quotes the passage as written, in its own script.
                assertThat(answer(model, prompt)).as(question).contains(passage.substring(passage.lastIndexOf("ZX-9")));
            }
            List<String> offTopic = List.of("長城有多長？", "长城有多长？", "長城有多長?");
            for (String question : offTopic) {
                assertThat(answer(model, prompt(question, valves, passage))).as(question)
                        .isEqualTo(ChatItem.NO_RELATED_CONTENT);
            }
        }
    }

    @Test
    void answersATableRowReadWithItsHeaderAndCitesTheRow() {
        List<TextBlock> blocks = new ArrayList<>();
        float y = 100;
        blocks.add(block(BlockType.PARAGRAPH, "The following table shows net sales by category for the three and six"
                + " months ended June 25, 2022 and June 26, 2021.", y));
        String[] rows = {
            "Three Months Ended June 25, 2022 | Three Months Ended June 26, 2021 | Six Months Ended June 25, 2022",
            "iPhone | 40,665 | 39,570 | 112,293",
            "Services | 19,604 | 17,486 | 39,425",
            "Total net sales | 82,959 | 81,434 | 180,302"};
        for (String row : rows) {
            y += 12;
            blocks.add(block(BlockType.TABLE_ROW, row, y));
        }
        List<NewPassage> chunks = new Chunker(600, 1200).chunk(List.of(new Page(1, 612, 792, 0, blocks)));
        List<PromptPassage> passages = new ArrayList<>();
        for (NewPassage c : chunks) {
            Passage p = new Passage(1 + c.ordinal(), 7, "acc", "f", c.ordinal(), c.text(), c.headingPath(), c.lines());
            passages.add(new PromptPassage(passages.size() + 1, p, "10-Q.pdf"));
        }
        String question = "What were the total net sales for the three months ended June 25, 2022?";
        AnswerPrompt prompt = new AnswerPrompt(question, question, List.of(), passages);
        try (AnswerStream stream = model.answer(prompt)) {
            StringBuilder text = new StringBuilder();
            String d;
            while ((d = stream.nextDelta()) != null) {
                text.append(d);
            }
            assertThat(text.toString()).isEqualTo("Total net sales, Three Months Ended June 25, 2022: 82,959");
            assertThat(stream.citations()).hasSize(1);
            CitedSpan cited = stream.citations().get(0);
            Passage p = passages.get(cited.passageNumber() - 1).passage();
            assertThat(p.text().substring(cited.start(), cited.end())).isEqualTo(rows[3]);
            // The citation covers exactly the row's line, so its box is the row's box.
            List<PassageLine> lines = p.lines().stream()
                    .filter(l -> l.start() < cited.end() && l.end() > cited.start()).toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).box().y()).isEqualTo(100 + 12 * 4);
        }
        String sixMonths = "Total net sales in the six months ended June 25, 2022";
        assertThat(answer(model, new AnswerPrompt(sixMonths, sixMonths, List.of(), passages)))
                .isEqualTo("Total net sales, Six Months Ended June 25, 2022: 180,302");
    }

    private static TextBlock block(BlockType type, String text, float y) {
        return new TextBlock(type, 0, List.of(new TextLine(text, new Box(50, y, 500, 10))));
    }
}
