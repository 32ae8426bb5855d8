package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands end to end, in-process, on one real data directory (SQLite, Lucene, parsers) holding generated PDF,
 * Word and text files and one corrupt PDF.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private CliHarness cli;
    private CliHarness.Result ingest;

    @BeforeAll
    void ingestManuals() throws Exception {
        cli = new CliHarness(temp);
        ingest = cli.run("ingest", Fixtures.manuals(temp.resolve("manuals")).toString(), "--folder", "manuals/2024");
    }

    @Test
    void ingestCompletesGoodFilesAndReportsTheCorruptOneWithPartialFailure() throws Exception {
        assertThat(ingest.exitCode()).as(ingest.err()).isEqualTo(ExitCodes.PARTIAL_FAILURE);
        assertThat(ingest.out()).contains("Ingested 3 of 4 files into manuals/2024").contains("1 failed").contains("broken.pdf");

        CliHarness.Result docs = cli.run("docs", "--json");
        assertThat(docs.exitCode()).isZero();
        JsonNode list = JSON.readTree(docs.out());
        assertThat(list).hasSize(4);
        List<String> completed = new ArrayList<>();
        for (JsonNode doc : list) {
            assertThat(doc.path("folder").asText()).isEqualTo("manuals/2024");
            if (doc.path("status").asText().equals("PARSING_COMPLETED")) {
                completed.add(doc.path("fileName").asText());
            } else {
                assertThat(doc.path("fileName").asText()).isEqualTo("broken.pdf");
                assertThat(doc.path("status").asText()).isEqualTo("PARSING_FAILED");
                assertThat(doc.path("error").asText()).isNotBlank();
            }
        }
        assertThat(completed).containsExactlyInAnyOrder("pump-manual.pdf", "warranty.docx", "maintenance.txt");
    }

    @Test
    void askStreamsTheAnswerThenCitesDocumentPageAndLines() {
        CliHarness.Result ask = cli.run("ask", "--folder", "manuals", "How is the centrifugal pump primed before starting?");

        assertThat(ask.exitCode()).as(ask.err()).isZero();
        assertThat(ask.out()).containsIgnoringCase("primed");
        String sources = ask.out().substring(ask.out().indexOf("Sources:"));
        assertThat(sources).contains("pump-manual.pdf").contains("page 2").contains("primed with clean water");
        assertThat(ask.err()).contains("docchat ask --session");
    }

    @Test
    void askAsJsonGivesTheStoredItemWithBoxesAndAFollowUpUsesTheSession() throws Exception {
        CliHarness.Result first = cli.run("ask", "--json", "--folder", "manuals/2024", "How long is the compressor warranty?");
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode answer = JSON.readTree(first.out());
        String sessionId = answer.path("sessionId").asText();
        JsonNode item = answer.path("item");
        assertThat(item.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(item.path("answer").asText()).containsIgnoringCase("thirty six months");
        assertThat(item.path("citations").get(0).path("documentName").asText()).isEqualTo("warranty.docx");
        assertThat(answer.path("timings").path("retrieveMillis").isNumber()).isTrue();

        CliHarness.Result followUp = cli.run("ask", "--json", "--session", sessionId, "And the conveyor bearings, what grease?");
        assertThat(followUp.exitCode()).as(followUp.err()).isZero();
        JsonNode second = JSON.readTree(followUp.out());
        assertThat(second.path("sessionId").asText()).isEqualTo(sessionId);
        assertThat(second.path("item").path("answer").asText()).containsIgnoringCase("lithium grease");

        CliHarness.Result history = cli.run("history", sessionId, "--json");
        assertThat(history.exitCode()).isZero();
        JsonNode items = JSON.readTree(history.out()).path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("question").asText()).isEqualTo("How long is the compressor warranty?");
        assertThat(items.get(1).path("question").asText()).isEqualTo("And the conveyor bearings, what grease?");

        JsonNode sessions = JSON.readTree(cli.run("sessions", "--json").out()).path("sessions");
        assertThat(sessions.findValuesAsText("id")).contains(sessionId);
    }

    @Test
    void pdfCitationsCarryLineBoxesOnThePage() throws Exception {
        CliHarness.Result ask = cli.run("ask", "--json", "--folder", "manuals", "centrifugal pump primed clean water");
        JsonNode citation = JSON.readTree(ask.out()).path("item").path("citations").get(0);
        assertThat(citation.path("documentName").asText()).isEqualTo("pump-manual.pdf");
        JsonNode page = citation.path("pages").get(0);
        assertThat(page.path("page").asInt()).isEqualTo(2);
        JsonNode box = page.path("lines").get(0).path("box");
        assertThat(box.path("x").floatValue()).isBetween(0f, page.path("width").floatValue());
        assertThat(box.path("y").floatValue()).isBetween(0f, page.path("height").floatValue());
    }

    @Test
    void chatAnswersFollowUpsShowsSourcesAndStartsOver() {
        CliHarness.Result chat = cli.runWithInput(
                "How long is the compressor warranty?\n/sources\n/new\nWhat grease for the conveyor bearings?\n/quit\n",
                "chat", "--folder", "manuals/2024");

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        assertThat(chat.out()).containsIgnoringCase("thirty six months")
                .contains("Sources:").contains("warranty.docx")
                .contains("New session")
                .containsIgnoringCase("lithium grease");
    }

    @Test
    void ctrlCDuringAnAnswerStoresItInterrupted() throws Exception {
        CliHarness interrupting = new CliHarness(temp).interrupts(onInterrupt -> {
            onInterrupt.run();
            return () -> {};
        });
        CliHarness.Result ask = interrupting.run("ask", "--folder", "manuals", "How is the pump primed?");
        assertThat(ask.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(ask.err()).contains("interrupted");

        JsonNode sessions = JSON.readTree(cli.run("sessions", "--json", "--name", "How is the pump primed?").out());
        String sessionId = sessions.path("sessions").get(0).path("id").asText();
        JsonNode items = JSON.readTree(cli.run("history", sessionId, "--json").out()).path("items");
        assertThat(items.get(0).path("status").asText()).isEqualTo("INTERRUPTED");
    }

    @Test
    void foldersListsTheTreeWithCounts() throws Exception {
        CliHarness.Result folders = cli.run("folders", "--json");
        assertThat(folders.exitCode()).isZero();
        JsonNode manuals = JSON.readTree(folders.out()).get(0);
        assertThat(manuals.path("path").asText()).isEqualTo("manuals");
        assertThat(manuals.path("children").get(0).path("path").asText()).isEqualTo("manuals/2024");
        assertThat(manuals.path("children").get(0).path("documents").asInt()).isEqualTo(4);
    }

    @Test
    void missingThingsExitWithNotFoundAndBadUsageWithUsage() {
        CliHarness.Result noFolder = cli.run("ask", "--folder", "nowhere", "anything?");
        assertThat(noFolder.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(noFolder.err().strip()).startsWith("error:").contains("nowhere").doesNotContain("\tat ");

        assertThat(cli.run("ask", "--session", "0123456789abcdef0123456789abcdef", "anything?").exitCode())
                .isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.run("history", "0123456789abcdef0123456789abcdef").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.run("rm", "--document", "999999").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.run("ask").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("ask", "--folder", "a", "--session", "b", "q").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("no-such-command").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("ingest", "ask", "chat", "sessions", "history", "folders", "docs", "rm",
                "reindex", "serve", "keys", "eval")) {
            CliHarness.Result help = cli.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: docchat " + command);
        }
    }

    @Test
    void removingADocumentAndAFolder() throws Exception {
        CliHarness.Result ingested = cli.run("ingest", "--json", "--folder", "scratch",
                Fixtures.manuals(temp.resolve("scratch")).resolve("maintenance.txt").toString());
        assertThat(ingested.exitCode()).as(ingested.err()).isZero();
        long id = JSON.readTree(ingested.out()).path("files").get(0).path("documentId").asLong();

        assertThat(cli.run("rm", "--folder", "scratch").exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.run("rm", "--document", String.valueOf(id)).exitCode()).isZero();
        assertThat(cli.run("rm", "--folder", "scratch").exitCode()).isZero();
        assertThat(cli.run("docs", "--folder", "scratch").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void reindexKeepsAnswers() {
        assertThat(cli.run("reindex").exitCode()).isZero();
        CliHarness.Result ask = cli.run("ask", "--folder", "manuals", "What grease for the conveyor bearings?");
        assertThat(ask.out()).contains("maintenance.txt");
    }
}
