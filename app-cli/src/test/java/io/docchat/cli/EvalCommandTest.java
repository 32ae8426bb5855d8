package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation commands on small sets written by the test in the shared formats. */
class EvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static final String[][] ENGLISH = {
        {"p0", "The Eiffel Tower was completed in 1889 for the World's Fair in Paris.", "When was the Eiffel Tower completed?", "1889"},
        {"p1", "Photosynthesis converts sunlight, water and carbon dioxide into glucose and oxygen.", "What does photosynthesis produce from sunlight?", "glucose and oxygen"},
        {"p2", "The Danube flows through ten countries before reaching the Black Sea.", "Which sea does the Danube reach?", "Black Sea"},
        {"p3", "Mount Kilimanjaro in Tanzania is the highest mountain in Africa.", "What is the highest mountain in Africa?", "Kilimanjaro"},
    };

    private static final String[][] CHINESE = {
        {"c0", "长城是中国古代的军事防御工程，总长度超过两万公里。", "长城的总长度是多少？", "两万公里"},
        {"c1", "熊猫主要生活在四川的山区森林中，以竹子为食。", "熊猫以什么为食？", "竹子"},
    };

    private Path[] writeSet(String name, String[][] rows) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(name));
        List<String> passages = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (String[] row : rows) {
            ObjectNode passage = JSON.createObjectNode().put("pid", row[0]).put("title", name).put("text", row[1]);
            passages.add(JSON.writeValueAsString(passage));
            ObjectNode question = JSON.createObjectNode().put("qid", "q-" + row[0]).put("question", row[2])
                    .put("pid", row[0]).put("is_impossible", false);
            question.putArray("answers").add(row[3]);
            questions.add(JSON.writeValueAsString(question));
        }
        Path p = Files.write(dir.resolve("passages.jsonl"), passages, StandardCharsets.UTF_8);
        Path q = Files.write(dir.resolve("questions.jsonl"), questions, StandardCharsets.UTF_8);
        return new Path[] {p, q};
    }

    @Test
    void qaReportsRecallSpansAndLatencyPerSetOfAMixedKnowledgeBase() throws Exception {
        Path[] english = writeSet("english", ENGLISH);
        Path[] chinese = writeSet("chinese", CHINESE);

        CliHarness.Result result = new CliHarness(temp).run("eval", "qa", "--json",
                "--passages", english[0].toString(), "--questions", english[1].toString(),
                "--passages", chinese[0].toString(), "--questions", chinese[1].toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode sets = JSON.readTree(result.out()).path("sets");
        assertThat(sets).hasSize(2);
        JsonNode en = sets.get(0);
        assertThat(en.path("name").asText()).isEqualTo("english");
        assertThat(en.path("passages").asInt()).isEqualTo(4);
        assertThat(en.path("questions").asInt()).isEqualTo(4);
        // Each question shares rare words with only its gold passage: retrieval must rank it first.
        assertThat(en.path("retrieved").path("recallAt1").asDouble()).isEqualTo(1.0);
        assertThat(en.path("cited").path("recallAt10").asDouble()).isGreaterThan(0.5);
        assertThat(en.path("answerContainsGoldSpan").asDouble()).isGreaterThan(0.5);
        assertThat(en.path("latencyMillis").path("total").path("p50").asDouble()).isPositive();
        JsonNode zh = sets.get(1);
        assertThat(zh.path("name").asText()).isEqualTo("chinese");
        assertThat(zh.path("retrieved").path("mrrAt10").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aSeededSampleAsksThatManyQuestions() throws Exception {
        Path[] english = writeSet("english", ENGLISH);
        CliHarness.Result result = new CliHarness(temp).run("eval", "qa", "--json", "--sample", "2", "--seed", "7",
                "--passages", english[0].toString(), "--questions", english[1].toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(JSON.readTree(result.out()).path("sets").get(0).path("questions").asInt()).isEqualTo(2);
    }

    @Test
    void mismatchedPairsAreAUsageError() throws Exception {
        Path[] english = writeSet("english", ENGLISH);
        CliHarness.Result result = new CliHarness(temp).run("eval", "qa", "--passages", english[0].toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void pagesChecksThatTheFirstCitationNamesTheProbePage() throws Exception {
        Path documents = Files.createDirectories(temp.resolve("documents/pdf"));
        Files.write(documents.resolve("guide.pdf"), Fixtures.pdf(List.of(
                "Chapter one explains how the hydraulic press is assembled on the workshop floor.",
                "Chapter two explains how the conveyor belt tension is adjusted with the side screws.")));
        // A reference text of the same content beside it must not take part: only probed files are ingested.
        Files.writeString(Files.createDirectories(temp.resolve("documents/text")).resolve("guide.txt"),
                "Chapter one explains how the hydraulic press is assembled on the workshop floor.");
        Path probes = temp.resolve("probes.json");
        Files.writeString(probes, """
                {"guide.pdf": {"file": "pdf/guide.pdf", "pages": 2, "probes": [
                  {"page": 1, "text": "how the hydraulic press is assembled on the workshop floor"},
                  {"page": 2, "text": "how the conveyor belt tension is adjusted with the side screws"}]},
                 "absent.pdf": {"file": "pdf/absent.pdf", "pages": 1, "probes": []}}
                """);

        CliHarness.Result result = new CliHarness(temp).run("eval", "pages", "--json",
                "--documents", temp.resolve("documents").toString(), "--probes", probes.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = JSON.readTree(result.out());
        JsonNode guide = report.path("files").get(0);
        assertThat(guide.path("file").asText()).isEqualTo("guide.pdf");
        assertThat(guide.path("status").asText()).isEqualTo("PARSING_COMPLETED");
        assertThat(guide.path("probes").asInt()).isEqualTo(2);
        assertThat(guide.path("pageRate").asDouble()).as(result.out()).isEqualTo(1.0);
        assertThat(guide.path("boxesRate").asDouble()).isEqualTo(1.0);
        assertThat(report.path("files").get(1).path("status").asText()).isEqualTo("NOT_INGESTED");
    }
}
