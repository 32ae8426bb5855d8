package io.docchat.http;

import static io.docchat.http.AuthMatrixTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.PageRequest;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model backend that fails: refused before the 200 (503), or mid-answer (a FAILED final event, stored FAILED). */
class ModelFailureTest {
    private static final String STREAM = "/api/v2/aidoc/document/chat/stream";

    private static String session(DocChat docChat) {
        String folderId = docChat.folders().create(Account.LOCAL, null, "pumps").id();
        long id = docChat.documents().submit(Account.LOCAL, folderId, "pump.txt",
                "Prime the pump before first use by filling the housing with water.".getBytes(StandardCharsets.UTF_8))
                .id();
        docChat.documents().awaitProcessed(Account.LOCAL, id, Duration.ofSeconds(30));
        return docChat.sessions().create(Account.LOCAL, folderId, "s", null).id();
    }

    @Test
    void aModelThatCannotBeReachedIsA503BeforeAnyEvent() {
        try (TestServer server = new TestServer(b -> b.answerModel(new FailingAnswerModel(true, 0)), c -> c, false)) {
            String sessionId = session(server.docChat);
            ApiClient client = ApiClient.anonymous(server.server.baseUri());
            assertError(client.send(new ApiClient.Call(STREAM, "ChatStream")
                    .json(Map.of("sessionId", sessionId, "question", "How do I prime the pump?"))), 503,
                    "ModelUnavailable");
            assertError(client.send(new ApiClient.Call("/api/v2/aidoc/document/chat", "Chat")
                    .json(Map.of("sessionId", sessionId, "question", "How do I prime the pump?"))), 503,
                    "ModelUnavailable");
        }
    }

    @Test
    void aModelThatFailsMidAnswerEndsTheStreamWithFailedAndStoresIt() throws Exception {
        try (TestServer server = new TestServer(b -> b.answerModel(new FailingAnswerModel(false, 3)), c -> c, false)) {
            String sessionId = session(server.docChat);
            HttpResponse<InputStream> response = ApiClient.anonymous(server.server.baseUri()).open(
                    new ApiClient.Call(STREAM, "ChatStream")
                            .json(Map.of("sessionId", sessionId, "question", "How do I prime the pump?")));
            assertThat(response.statusCode()).isEqualTo(200);
            List<StrictSse.Event> events;
            try (InputStream in = response.body()) {
                events = StrictSse.parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            JsonNode last = events.get(events.size() - 1).data().get("data");
            assertThat(last.get("status").asText()).isEqualTo("FAILED");
            assertThat(last.get("errorMessage").asText()).isNotBlank();
            assertThat(last.get("answer").asText()).isEmpty();

            List<ChatItem> stored = server.docChat.chat().history(Account.LOCAL, sessionId, PageRequest.first(10))
                    .items();
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).status()).isEqualTo(ChatStatus.FAILED);
            assertThat(stored.get(0).answer()).isEqualTo("w0 w1 w2 ");

            // Chat cannot carry a failure inside a 200: it is an error response.
            ApiClient.Response chat = ApiClient.anonymous(server.server.baseUri()).send(
                    new ApiClient.Call("/api/v2/aidoc/document/chat", "Chat")
                            .json(Map.of("sessionId", sessionId, "question", "How do I prime the pump?")));
            assertError(chat, 503, "ModelUnavailable");
        }
    }
}
