package io.docchat.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the evaluation over a real in-memory engine with sets written in the test. */
class QaEvaluationTest {

    @TempDir
    Path temp;

    private QaSet write(String name, List<String> passages, List<String> questions) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(name));
        Path p = Files.write(dir.resolve("passages.jsonl"), passages, StandardCharsets.UTF_8);
        Path q = Files.write(dir.resolve("questions.jsonl"), questions, StandardCharsets.UTF_8);
        return QaSet.load(name, p, q);
    }

    private QaSet pumps() throws Exception {
        return write("pumps", List.of(
                "{\"pid\": \"p1\", \"title\": \"ZX-9\", \"text\": \"The ZX-9 pump costs 1,200 dollars. It ships in two weeks.\"}",
                "{\"pid\": \"p2\", \"title\": \"V-2\", \"text\": \"The V-2 valve is made of brass. It controls pressure.\"}",
                "{\"pid\": \"p3\", \"title\": \"ZX-9 manual\", \"text\": \"The ZX-9 pump manual covers priming the pump.\"}"),
                List.of(
                "{\"qid\": \"1\", \"question\": \"How much does the ZX-9 pump cost?\", \"answers\": [\"1,200 dollars\"],"
                        + " \"pid\": \"p1\", \"is_impossible\": false}",
                "{\"qid\": \"2\", \"question\": \"What is the V-2 valve made of?\", \"answers\": [\"brass\"],"
                        + " \"pid\": \"p2\", \"is_impossible\": false, \"all_relevant\": [\"p2\"]}",
                "{\"qid\": \"3\", \"question\": \"Who painted the ceiling of the Sistine Chapel?\", \"answers\": [],"
                        + " \"pid\": \"p1\", \"is_impossible\": true}",
                "{\"qid\": \"4\", \"question\": \"ZX-9 pump\", \"answers\": [], \"pid\": \"p1\", \"is_impossible\": false,"
                        + " \"all_relevant\": [\"p1\", \"p3\"]}"));
    }

    private QaSet history() throws Exception {
        return write("history", List.of(
                "{\"pid\": \"h1\", \"title\": \"Rome\", \"text\": \"Augustus was the first emperor of the Roman Empire.\"}"),
                List.of("{\"qid\": \"h\", \"question\": \"Who was the first Roman emperor?\", \"answers\": [\"Augustus\"],"
                        + " \"pid\": \"h1\", \"is_impossible\": false}"));
    }

    @Test
    void scoresAnswerableAndUnanswerableQuestionsSeparately() throws Exception {
        QaSet pumps = pumps();
        assertThat(pumps.questions()).hasSize(4);
        assertThat(pumps.questions().get(3).relevant()).containsExactlyInAnyOrder("p1", "p3");
        StringWriter evidence = new StringWriter();
        try (DocChat docChat = DocChat.builder().build()) {
            QaReport report = new QaEvaluation(docChat, Account.LOCAL, message -> { })
                    .run(List.of(pumps), new QaEvaluation.Options(0, 1, false, evidence));
            SetScores s = report.sets().get(0);
            assertThat(s.passages()).isEqualTo(3);
            assertThat(s.answerable()).isEqualTo(3);
            assertThat(s.unanswerable()).isEqualTo(1);
            assertThat(s.refusedUnanswerable()).isEqualTo(1);
            assertThat(s.refusedAnswerable()).isZero();
            assertThat(s.withGoldSpans()).isEqualTo(2);
            assertThat(s.spanRate()).isEqualTo(1.0);
            assertThat(s.meanF1()).isGreaterThan(0).isLessThan(1);
            assertThat(s.retrieved().recallAt1()).isEqualTo(1.0);
            // The keyword query has two relevant passages; both are among the first ten retrieved.
            assertThat(s.retrieved().recallAt10()).isEqualTo(1.0);
            assertThat(s.answer().size()).isEqualTo(4);
        }
        List<String> lines = new ArrayList<>(evidence.toString().lines().toList());
        assertThat(lines).hasSize(5);
        assertThat(lines.get(3)).startsWith("pumps\t3\ttrue\t");
        // Every row has a value under each heading, down to whether the chat refused and the background.
        assertThat(lines.get(0)).endsWith("\tsimilarity10\trefused\tbackground");
        List<String> heading = List.of(lines.get(0).split("\t"));
        assertThat(lines.get(3).split("\t")[heading.indexOf("refused")]).isEqualTo("true");
        assertThat(lines.get(1).split("\t")[heading.indexOf("refused")]).isEqualTo("false");
        int columns = lines.get(0).split("\t").length;
        assertThat(lines).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(columns));
    }

    @Test
    void offTopicAsksEachSetOfItsOwnAndOfTheOthersKnowledgeBase() throws Exception {
        try (DocChat docChat = DocChat.builder().build()) {
            QaReport report = new QaEvaluation(docChat, Account.LOCAL, message -> { })
                    .run(List.of(pumps(), history()), new QaEvaluation.Options(0, 1, true, null));
            assertThat(report.sets()).extracting(SetScores::name)
                    .containsExactly("pumps", "pumps -> history", "history", "history -> pumps");
            for (SetScores s : List.of(report.sets().get(1), report.sets().get(3))) {
                assertThat(s.answerable()).isZero();
                assertThat(s.refusedUnanswerableRate()).as(s.name()).isEqualTo(1.0);
            }
            for (SetScores s : List.of(report.sets().get(0), report.sets().get(2))) {
                assertThat(s.answerable()).as(s.name()).isPositive();
                assertThat(s.refusedAnswerableRate()).as(s.name()).isZero();
            }
        }
    }
}
