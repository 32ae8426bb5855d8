package io.docchat.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.api.ChatEvent;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.ChatStream;
import io.docchat.core.model.Account;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Session;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible model behind the real engine: what ends up stored for each way an answer can go. */
class OpenAiWithEngineTest {
    private static final String ME = Account.LOCAL;
    private FakeOpenAiServer server;
    private OpenAiAnswerModel model;
    private DocChat docChat;
    private Session session;

    @AfterEach
    void tearDown() {
        if (docChat != null) {
            docChat.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(FakeOpenAiServer.Script script) throws Exception {
        server = new FakeOpenAiServer(script);
        model = new OpenAiAnswerModel(OpenAiConfig.builder().baseUrl(server.baseUrl()).model("m")
                .initialBackoff(Duration.ofMillis(5)).maxRetries(1).readTimeout(Duration.ofSeconds(5)).build());
        docChat = DocChat.builder().answerModel(model).build();
        Folder folder = docChat.folders().create(ME, null, "manuals");
        Document doc = docChat.documents().submit(ME, folder.id(), "zx9.txt", ("The ZX-9 pump delivers a maximum "
                + "flow rate of 30 cubic metres per hour.\n\nThe ZX-9 pump costs 1,200 euros and ships in a week.")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(docChat.documents().awaitProcessed(ME, doc.id(), Duration.ofSeconds(30)).status())
                .isEqualTo(DocumentStatus.PARSING_COMPLETED);
        session = docChat.sessions().create(ME, folder.id(), "pumps", null);
    }

    private List<ChatEvent> ask(String question) {
        List<ChatEvent> events = new ArrayList<>();
        try (ChatStream stream = docChat.chat().stream(ME, new ChatRequest(session.id(), question))) {
            stream.forEachRemaining(events::add);
        }
        return events;
    }

    private List<ChatItem> history() {
        return docChat.chat().history(ME, session.id(), PageRequest.first(100)).items();
    }

    @Test
    void aCitedAnswerIsStoredWithTheCitedDocument() throws Exception {
        start(FakeOpenAiServer.streaming("It delivers ", "30 m³/h [1]."));
        List<ChatEvent> events = ask("What is the maximum flow rate of the ZX-9 pump?");
        assertThat(events.get(0)).isInstanceOf(ChatEvent.Started.class);
        assertThat(events).filteredOn(ChatEvent.Delta.class::isInstance).hasSizeGreaterThanOrEqualTo(2);
        ChatItem stored = history().get(0);
        assertThat(stored.status()).isEqualTo(ChatStatus.COMPLETED);
        assertThat(stored.answer()).isEqualTo("It delivers 30 m³/h [1].");
        assertThat(stored.citations()).hasSize(1);
        assertThat(stored.citations().get(0).documentName()).isEqualTo("zx9.txt");
        assertThat(stored.citations().get(0).snippet()).contains("30 cubic metres");
    }

    @Test
    void anUnreachableModelFailsTheQuestionAndStoresNothing() throws Exception {
        start(FakeOpenAiServer.status(503, "{\"error\":{\"message\":\"overloaded\"}}"));
        assertThatThrownBy(() -> docChat.chat().stream(ME, new ChatRequest(session.id(), "What is the flow rate?")))
                .isInstanceOf(DocChatException.class)
                .satisfies(e -> assertThat(((DocChatException) e).code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE));
        assertThat(history()).isEmpty();
    }

    @Test
    void aFailureMidAnswerStoresThePartialAnswerAsFailed() throws Exception {
        start((exchange, n) -> {
            OutputStream out = FakeOpenAiServer.startEventStream(exchange);
            FakeOpenAiServer.event(out, FakeOpenAiServer.contentChunk("It delivers "));
            FakeOpenAiServer.event(out, "{\"error\":{\"message\":\"backend crashed\"}}");
        });
        List<ChatEvent> events = ask("What is the maximum flow rate of the ZX-9 pump?");
        assertThat(events.get(events.size() - 1)).isInstanceOf(ChatEvent.Failed.class);
        ChatItem stored = history().get(0);
        assertThat(stored.status()).isEqualTo(ChatStatus.FAILED);
        assertThat(stored.answer()).isEqualTo("It delivers ");
        assertThat(stored.errorMessage()).contains("backend crashed");
    }

    @Test
    void aModelThatFindsNothingCitesNothing() throws Exception {
        start(FakeOpenAiServer.streaming(ChatItem.NO_RELATED_CONTENT));
        ask("What is the ZX-9 pump's warranty?");
        ChatItem stored = history().get(0);
        assertThat(stored.answer()).isEqualTo(ChatItem.NO_RELATED_CONTENT);
        assertThat(stored.citations()).isEmpty();
    }
}
