package io.docchat.http;

import static io.docchat.http.AuthMatrixTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.PageRenderer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The small fixes: names that would reach a terminal as commands, user ids without limit, parsing results of
 * unfinished documents, pages too large to draw, and sessions whose folder went away.
 */
class SmallFixesTest {
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static TestServer server;

    /** Reads {@code .slow} files only when released, so that a document stays unfinished for as long as needed. */
    private static final class HeldParser implements DocumentParser {
        private final LaidOutTextParser inner = new LaidOutTextParser();

        @Override
        public boolean accepts(String fileName, byte[] content) {
            return fileName.endsWith(".slow");
        }

        @Override
        public ParseResult parse(String fileName, byte[] content) {
            try {
                RELEASE.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inner.parse(fileName.replace(".slow", ".layout"), content);
        }
    }

    /** Refuses every page as too large, as the PDF renderer does for a page with a huge MediaBox. */
    private static final class HugePageRenderer implements PageRenderer {
        @Override
        public boolean accepts(String fileName, byte[] content) {
            return fileName.endsWith(".layout");
        }

        @Override
        public Optional<byte[]> renderPng(String fileName, byte[] content, int pageNumber, float scale) {
            throw new DocChatException(ErrorCode.PAYLOAD_TOO_LARGE, "pageNumber",
                    "Page " + pageNumber + " would be 400000000 pixels; the limit is 40000000.", null);
        }
    }

    @BeforeAll
    static void start() {
        server = new TestServer(b -> b.parser(new HeldParser()).parser(new LaidOutTextParser())
                .pageRenderer(new HugePageRenderer()), c -> c, true);
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        server.close();
    }

    private static String folder(String name) {
        return server.acme().post("/api/v1/aidoc/folder/add", "AddFolder",
                Map.of("folderName", name, "parentFolderId", "0")).data().get("folderId").asText();
    }

    private static ApiClient.Response upload(String folderId, String fileName, String text) {
        ApiClient.Call call = new ApiClient.Call("/api/v2/aidoc/document/submitDocParsingTask", "SubmitDocParsingTask");
        call.query.put("fileName", fileName);
        call.query.put("folderId", folderId);
        call.body = text.getBytes(StandardCharsets.UTF_8);
        call.contentType = "application/octet-stream";
        return server.acme().send(call);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bell\u0007", "\u001b]0;retitled\u0007", "clear\u001b[2J", "next\u0085line",
        "\u202Egnp.exe", "isolate\u2066x\u2069", "mark\u200F", "del\u007F"})
    void namesWithControlOrBidiCharactersAreRefused(String name) {
        assertError(server.acme().post("/api/v1/aidoc/folder/add", "AddFolder",
                Map.of("folderName", name, "parentFolderId", "0")), 400, "InvalidParameter.FolderName");
        String folderId = folder("names " + name.length() + " " + name.hashCode());
        assertError(server.acme().post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", name)), 400, "InvalidParameter.Name");
        assertError(upload(folderId, name + ".layout", "text"), 400, "InvalidParameter.FileName");
        assertThat(server.acme().post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", "Ünïcödé 名前 ok")).status()).isEqualTo(200);
    }

    @Test
    void aUserIdLongerThanTheLimitIsRefused() {
        String folderId = folder("users");
        assertError(server.acme().post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", "s", "userId", "u".repeat(129))), 400, "InvalidParameter.UserId");
        assertError(server.acme().post("/api/v2/aidoc/document/chat/session/list", "GetChatSessionList",
                Map.of("userId", "u".repeat(1_000_000 / 2))), 400, "InvalidParameter.UserId");
        assertThat(server.acme().post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", "s", "userId", "u".repeat(128))).status()).isEqualTo(200);
    }

    @Test
    void theParsingResultOfAnUnfinishedDocumentIsAClearError() {
        String folderId = folder("unfinished");
        String taskId = upload(folderId, "held.slow", "A held document.").data().get("taskId").asText();
        ApiClient.Response result = server.acme().post("/api/v2/aidoc/document/getDocParsingResult",
                "GetDocParsingResult", Map.of("taskId", taskId));
        assertError(result, 409, "DocumentNotParsed");
        assertThat(result.json().get("Message").asText()).contains("PARSING_COMPLETED");
    }

    @Test
    void aPageTooLargeToDrawIsA413WithTheReason() throws Exception {
        String folderId = folder("huge");
        String taskId = upload(folderId, "huge.layout", "The flywheel guard must stay closed on the huge page.")
                .data().get("taskId").asText();
        server.docChat.documents().awaitProcessed("acme", Long.parseLong(taskId), java.time.Duration.ofSeconds(30));
        String sessionId = server.acme().post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", "huge")).data().get("sessionId").asText();
        String imageUrl = server.acme().post("/api/v2/aidoc/document/chat", "Chat",
                        Map.of("sessionId", sessionId, "question", "Must the flywheel guard stay closed?")).data()
                .get("refDocList").get(0).get("docInfo").get("pageListInfo").get(0).get("imageUrl").asText();
        HttpResponse<String> image = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(imageUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(image.statusCode()).isEqualTo(413);
        assertThat(image.body()).contains("PayloadTooLarge").contains("pixels");
    }

    @Test
    void aSessionWhoseFolderWasDeletedAnswers404AndKeepsItsHistory() throws Exception {
        String folderId = folder("going away");
        String sessionId = server.acme().post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", "orphan")).data().get("sessionId").asText();
        assertThat(server.acme().post("/api/v2/aidoc/document/chat", "Chat",
                Map.of("sessionId", sessionId, "question", "Anything?")).status()).isEqualTo(200);
        ApiClient.Call delete = new ApiClient.Call("/api/v1/aidoc/folder/delete", "DeleteFolder");
        delete.method = "DELETE";
        delete.query.put("folderId", folderId);
        assertThat(server.acme().send(delete).status()).isEqualTo(200);

        assertError(server.acme().post("/api/v2/aidoc/document/chat", "Chat",
                Map.of("sessionId", sessionId, "question", "Still there?")), 404, "FolderNotFound");
        ApiClient.Response history = server.acme().post("/api/v2/aidoc/document/chat/list", "GetChatList",
                Map.of("sessionId", sessionId));
        assertThat(history.data().get("chatList")).hasSize(1);
        assertThat(history.data().get("chatList").get(0).get("question").asText()).isEqualTo("Anything?");
    }
}
