package io.docchat.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Session;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.port.PromptPassage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which retrieved passages the answer model is given: a question gets the best passages whatever their document; a
 * claim or keywords, which the answer supports with every document bearing on them, get the best passage of as many
 * documents as there are places before a second passage of any.
 */
@Timeout(60)
class PromptSelectionTest {
    private static final String ME = "acme";
    private static final int PLACES = 5;

    private final PromptRecorder model = new PromptRecorder();
    private DocChat docChat;
    private Session session;

    @BeforeEach
    void setUp() {
        docChat = DocChat.builder().answerModel(model).build();
        Folder folder = docChat.folders().create(ME, null, "plant");
        // One long manual whose every paragraph is about the cooling tower, cut into several passages, ranked above
        // five short notes that mention it once each.
        StringBuilder manual = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            manual.append("Cooling tower maintenance, step ").append(i)
                    .append(": the cooling tower fan, the cooling tower basin and the cooling tower fill are inspected,")
                    .append(" and the cooling tower maintenance log is signed by the cooling tower technician. ")
                    .append("Cooling tower maintenance takes an hour. ".repeat(6)).append("\n\n");
        }
        submit(folder, "manual.txt", manual.toString());
        List<String> notes = List.of("pumps", "boilers", "chillers", "valves", "filters");
        for (String subject : notes) {
            submit(folder, subject + ".txt", "The " + subject + " are checked weekly; the site also runs a cooling tower"
                    + " whose maintenance is described in the manual. The " + subject + " log is kept in the office.");
        }
        session = docChat.sessions().create(ME, folder.id(), "tower", null);
    }

    @AfterEach
    void tearDown() {
        docChat.close();
    }

    @Test
    void aQuestionGetsTheBestPassagesEvenIfOneDocumentHoldsThemAll() {
        assertThat(ask("How is cooling tower maintenance done?")).isEqualTo(ChatStatus.COMPLETED);

        List<String> files = promptFiles();
        assertThat(files).hasSize(PLACES);
        assertThat(files.stream().filter("manual.txt"::equals).count()).isGreaterThan(1);
    }

    @Test
    void keywordsGetTheBestPassageOfEachDocumentFirst() {
        assertThat(ask("cooling tower maintenance")).isEqualTo(ChatStatus.COMPLETED);

        List<String> files = promptFiles();
        assertThat(files).hasSize(PLACES).doesNotHaveDuplicates();
        // The manual ranks first, so it keeps its place at the head of the prompt.
        assertThat(files.get(0)).isEqualTo("manual.txt");
    }

    @Test
    void keywordsOverOneDocumentStillFillEveryPlace() {
        Folder alone = docChat.folders().create(ME, null, "manual only");
        submit(alone, "manual.txt", String.join("\n\n", List.of(
                "Cooling tower maintenance starts with the fan. " .repeat(12),
                "Cooling tower maintenance goes on with the basin. ".repeat(12),
                "Cooling tower maintenance ends with the fill. ".repeat(12))));
        Session own = docChat.sessions().create(ME, alone.id(), "manual", null);

        docChat.chat().ask(ME, new ChatRequest(own.id(), "cooling tower maintenance"));

        assertThat(promptFiles()).isNotEmpty().containsOnly("manual.txt");
        assertThat(model.last.passages().size()).isGreaterThan(1);
    }

    private ChatStatus ask(String text) {
        return docChat.chat().ask(ME, new ChatRequest(session.id(), text)).status();
    }

    private List<String> promptFiles() {
        return model.last.passages().stream().map(PromptPassage::documentName).collect(Collectors.toList());
    }

    private void submit(Folder folder, String name, String text) {
        var doc = docChat.documents().submit(ME, folder.id(), name, text.getBytes(StandardCharsets.UTF_8));
        assertThat(docChat.documents().awaitProcessed(ME, doc.id(), Duration.ofSeconds(30)).status())
                .isEqualTo(DocumentStatus.PARSING_COMPLETED);
    }

    /** Keeps the prompt it was given and answers with a fixed text. */
    private static final class PromptRecorder implements AnswerModel {
        private volatile AnswerPrompt last;

        @Override
        public AnswerStream answer(AnswerPrompt prompt) {
            last = prompt;
            List<String> pieces = new ArrayList<>(List.of("Noted."));
            return new AnswerStream() {
                @Override
                public String nextDelta() {
                    return pieces.isEmpty() ? null : pieces.remove(0);
                }

                @Override
                public List<CitedSpan> citations() {
                    return List.of();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
