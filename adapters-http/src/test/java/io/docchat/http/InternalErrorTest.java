package io.docchat.http;

import static io.docchat.http.AuthMatrixTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.api.Accounts;
import io.docchat.core.api.Chat;
import io.docchat.core.api.Documents;
import io.docchat.core.api.Folders;
import io.docchat.core.api.Retrieval;
import io.docchat.core.api.Sessions;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bug behind an operation becomes a 500 InternalError with the request id and no trace of the exception in the
 * body. The fault is injected into a real DocChat: a bug cannot be provoked on purpose otherwise.
 */
class InternalErrorTest {

    @Test
    void aBugIsA500WithoutDetailsAndTheServerCarriesOn() {
        try (DocChat real = DocChat.builder().build();
             DocChatHttpServer server = DocChatHttpServer.start(new BrokenSessionList(real),
                     HttpServerConfig.defaults().withPort(0))) {
            ApiClient client = ApiClient.anonymous(server.baseUri());
            ApiClient.Response response = client.post("/api/v2/aidoc/document/chat/session/list",
                    "GetChatSessionList", Map.of());
            assertError(response, 500, "InternalError");
            assertThat(response.body()).doesNotContain("secret detail").doesNotContain("IllegalStateException");
            assertThat(response.json().get("Message").asText()).contains(response.json().get("RequestId").asText());

            assertThat(client.post("/api/v1/aidoc/folder/add", "AddFolder",
                    Map.of("folderName", "still fine", "parentFolderId", "0")).status()).isEqualTo(200);
        }
    }

    @Test
    void theServerSettingMakesEveryChatStreamOneJsonDocument() {
        try (TestServer server = new TestServer(b -> b, c -> c.withStreamFormatJson(true), false)) {
            ApiClient.Response response = ApiClient.anonymous(server.server.baseUri()).post(
                    "/api/v2/aidoc/document/chat/stream", "ChatStream",
                    Map.of("sessionId", "missing", "question", "q?"));
            assertError(response, 404, "SessionNotFound");
            String folderId = server.docChat.folders().create("local", null, "f").id();
            String sessionId = server.docChat.sessions().create("local", folderId, "s", null).id();
            ApiClient.Response answer = ApiClient.anonymous(server.server.baseUri()).post(
                    "/api/v2/aidoc/document/chat/stream", "ChatStream",
                    Map.of("sessionId", sessionId, "question", "Anything about pumps?"));
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(answer.data().get("answer").asText()).isEqualTo("No related content found.");
            assertThat(answer.data().get("refDocList")).isEmpty();
        }
    }

    /** A DocChat whose session listing fails with an unexpected exception. */
    private record BrokenSessionList(DocChat delegate) implements DocChat {
        @Override
        public Folders folders() {
            return delegate.folders();
        }

        @Override
        public Documents documents() {
            return delegate.documents();
        }

        @Override
        public Sessions sessions() {
            Sessions sessions = delegate.sessions();
            return new Sessions() {
                @Override
                public Session create(String accountId, String folderId, String name, String userId) {
                    return sessions.create(accountId, folderId, name, userId);
                }

                @Override
                public Session get(String accountId, String sessionId) {
                    return sessions.get(accountId, sessionId);
                }

                @Override
                public ResultPage<Session> list(String accountId, String userId, String nameContains,
                                                PageRequest page) {
                    throw new IllegalStateException("secret detail");
                }

                @Override
                public Session rename(String accountId, String sessionId, String name) {
                    return sessions.rename(accountId, sessionId, name);
                }

                @Override
                public void delete(String accountId, String sessionId) {
                    sessions.delete(accountId, sessionId);
                }
            };
        }

        @Override
        public Chat chat() {
            return delegate.chat();
        }

        @Override
        public Retrieval retrieval() {
            return delegate.retrieval();
        }

        @Override
        public Accounts accounts() {
            return delegate.accounts();
        }

        @Override
        public void reindex() {
            delegate.reindex();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
