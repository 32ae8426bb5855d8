package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 6's auth matrix over real HTTP: signatures, dates, nonces, keys, bearer tokens, signed URLs, tenancy. */
class AuthMatrixTest {
    private static final String ADD_FOLDER = "/api/v1/aidoc/folder/add";
    private static final MutableClock CLOCK = new MutableClock(ZoneOffset.UTC);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(b -> b, c -> c.withClock(CLOCK), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient.Call addFolder(String name) {
        return new ApiClient.Call(ADD_FOLDER, "AddFolder").json(Map.of("folderName", name, "parentFolderId", "0"));
    }

    @Test
    void aGoodSignatureIsAccepted() {
        assertThat(server.server.localMode()).isFalse();
        ApiClient.Response response = server.acme().send(addFolder("signed"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.data().get("folderName").asText()).isEqualTo("signed");
        assertThat(response.headers().firstValue("x-acs-request-id")).hasValueSatisfying(id ->
                assertThat(response.json().get("requestId").asText()).isEqualTo(id));
    }

    @Test
    void aWrongSecretIsRefused() {
        ApiClient.Response response = ApiClient.signed(server.server.baseUri(), TestServer.ACME_KEY, "not-the-secret")
                .send(addFolder("x"));
        assertError(response, 403, "SignatureDoesNotMatch");
    }

    @Test
    void aTamperedBodyIsRefused() {
        ApiClient.Call call = addFolder("honest");
        call.sentBody = "{\"folderName\":\"forged\",\"parentFolderId\":\"0\"}".getBytes(StandardCharsets.UTF_8);
        assertError(server.acme().send(call), 403, "SignatureDoesNotMatch");
    }

    @Test
    void aTamperedQueryIsRefused() {
        ApiClient.Call call = new ApiClient.Call("/api/v1/aidoc/folder/delete", "DeleteFolder");
        call.method = "DELETE";
        call.query.put("folderId", "a");
        HttpRequest signed = server.acme().request(call);
        HttpRequest forged = HttpRequest.newBuilder(URI.create(signed.uri().toString().replace("folderId=a", "folderId=b")))
                .method("DELETE", HttpRequest.BodyPublishers.noBody())
                .headers(signed.headers().map().entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(v -> new String[] {e.getKey(), v}))
                        .flatMap(pair -> java.util.stream.Stream.of(pair[0], pair[1])).toArray(String[]::new))
                .build();
        HttpResponse<String> response = send(forged);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("SignatureDoesNotMatch");
    }

    @Test
    void aStaleDateIsRefused() {
        ApiClient.Call call = addFolder("stale");
        call.date = call.date.minus(Duration.ofMinutes(20));
        assertError(server.acme().send(call), 403, "RequestTimeTooSkewed");
        ApiClient.Call future = addFolder("future");
        future.date = future.date.plus(Duration.ofMinutes(20));
        assertError(server.acme().send(future), 403, "RequestTimeTooSkewed");
    }

    @Test
    void aReplayedNonceIsRefused() {
        ApiClient.Call call = addFolder("once");
        assertThat(server.acme().send(call).status()).isEqualTo(200);
        assertError(server.acme().send(call), 403, "SignatureNonceUsed");
    }

    @Test
    void anUnknownKeyIsRefused() {
        assertError(ApiClient.signed(server.server.baseUri(), "AKnobody", "x").send(addFolder("x")), 401,
                "InvalidAccessKeyId.NotFound");
    }

    @Test
    void noCredentialsAreRefused() {
        assertError(ApiClient.anonymous(server.server.baseUri()).send(addFolder("x")), 401, "MissingAuthorization");
    }

    @Test
    void bearerTokensInEitherHeaderAreAcceptedAndUnknownOnesRefused() {
        assertThat(ApiClient.bearer(server.server.baseUri(), TestServer.ACME_TOKEN).send(addFolder("b1")).status())
                .isEqualTo(200);
        ApiClient.Call call = addFolder("b2");
        call.headers.put("Authorization", "Bearer " + TestServer.ACME_TOKEN);
        assertThat(ApiClient.anonymous(server.server.baseUri()).send(call).status()).isEqualTo(200);
        assertError(ApiClient.bearer(server.server.baseUri(), "guessed").send(addFolder("x")), 401,
                "InvalidAccessKeyId.NotFound");
    }

    @Test
    void anotherAccountsFolderSessionAndDocumentAreNotFound() throws Exception {
        String folderId = server.acme().send(addFolder("mine")).data().get("folderId").asText();
        var session = server.acme().post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", "s"));
        String sessionId = session.data().get("sessionId").asText();
        long documentId = server.docChat.documents().submit("acme", folderId, "a.txt",
                "Pumps need priming.".getBytes(StandardCharsets.UTF_8)).id();

        assertError(server.other().post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", "s")), 404, "FolderNotFound");
        assertError(server.other().post("/api/v2/aidoc/document/chat/list", "GetChatList",
                Map.of("sessionId", sessionId)), 404, "SessionNotFound");
        assertError(server.other().post("/api/v2/aidoc/document/chat", "Chat",
                Map.of("sessionId", sessionId, "question", "how?")), 404, "SessionNotFound");
        ApiClient.Call detail = new ApiClient.Call("/api/v1/aidoc/document/detail", "DetailDocument");
        detail.method = "GET";
        detail.query.put("taskId", Long.toString(documentId));
        assertError(server.other().send(detail), 404, "DocumentNotFound");
        assertThat(server.acme().send(detail).status()).isEqualTo(200);
    }

    @Test
    void signedUrlsWorkWithoutHeadersAndFailWhenAlteredOrExpired() {
        String folderId = server.acme().send(addFolder("urls")).data().get("folderId").asText();
        long documentId = server.docChat.documents().submit("acme", folderId, "u.txt",
                "Signed URL content.".getBytes(StandardCharsets.UTF_8)).id();
        ApiClient.Call detail = new ApiClient.Call("/api/v1/aidoc/document/detail", "DetailDocument");
        detail.method = "GET";
        detail.query.put("taskId", Long.toString(documentId));
        String docUrl = server.acme().send(detail).data().get("docUrl").asText();

        HttpResponse<String> fresh = send(HttpRequest.newBuilder(URI.create(docUrl)).GET().build());
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body()).isEqualTo("Signed URL content.");

        String altered = docUrl.replace("/" + documentId + "/", "/" + (documentId + 1) + "/");
        assertThat(send(HttpRequest.newBuilder(URI.create(altered)).GET().build()).statusCode()).isEqualTo(403);
        String otherAccount = docUrl.replace("/files/acme/", "/files/other/");
        assertThat(send(HttpRequest.newBuilder(URI.create(otherAccount)).GET().build()).statusCode()).isEqualTo(403);

        CLOCK.advance(Duration.ofHours(25));
        try {
            assertThat(send(HttpRequest.newBuilder(URI.create(docUrl)).GET().build()).statusCode()).isEqualTo(403);
        } finally {
            CLOCK.advance(Duration.ofHours(-25));
        }
    }

    @Test
    void localModeNeedsNoCredentialsAndActsForTheLocalAccount() {
        try (TestServer local = new TestServer(b -> b, c -> c, false)) {
            assertThat(local.server.localMode()).isTrue();
            ApiClient.Response response = ApiClient.anonymous(local.server.baseUri()).send(addFolder("loose"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(local.docChat.folders().tree(Account.LOCAL))
                    .anySatisfy(node -> assertThat(node.folder().name()).isEqualTo("loose"));
        }
    }

    @Test
    void aNonLoopbackAddressWithoutKeysIsRefused() {
        try (DocChat docChat = DocChat.builder().build()) {
            assertThatThrownBy(() -> DocChatHttpServer.start(docChat,
                    HttpServerConfig.defaults().withHost("0.0.0.0").withPort(0)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("access keys");
        }
    }

    static void assertError(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().get("RequestId").asText()).isNotBlank();
        assertThat(response.json().get("Message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
