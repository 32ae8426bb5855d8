package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaRequest;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teautil.models.RuntimeOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signing schemes the official SDKs send besides the default V3: the ROA HMAC-SHA1 scheme, signed by the SDK
 * runtime itself ({@code tea-openapi}'s {@code doROARequest}, with {@code openapiutil}'s signer), and V3 with
 * {@code host} left out of SignedHeaders, signed by {@code openapiutil}'s own V3 signer. None of the signatures here
 * is computed by code of this repository.
 */
class SdkSignatureSchemesTest {
    private static final String VERSION = "2022-09-23";
    private static TestServer server;
    private static Client roa;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withKeys();
        roa = runtime(TestServer.ACME_SECRET);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Client runtime(String secret) throws Exception {
        Config config = new Config();
        URI base = server.server.baseUri();
        config.endpoint = base.getHost() + ":" + base.getPort();
        config.protocol = "http";
        config.accessKeyId = TestServer.ACME_KEY;
        config.accessKeySecret = secret;
        config.readTimeout = 20_000;
        config.connectTimeout = 5_000;
        return new Client(config);
    }

    private static Map<String, ?> roaCall(Client client, String action, String method, String path,
                                          Map<String, String> query, Map<String, Object> body) throws Exception {
        OpenApiRequest request = new OpenApiRequest();
        request.query = query;
        request.body = body;
        return client.doROARequest(action, VERSION, "http", method, "AK", path, "json", request, new RuntimeOptions());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, ?> response) {
        return (Map<String, Object>) ((Map<String, Object>) response.get("body")).get("data");
    }

    @Test
    void roaSignedRequestsWithBodiesAndQueriesAreAccepted() throws Exception {
        Map<String, Object> folder = data(roaCall(roa, "AddFolder", "POST", "/api/v1/aidoc/folder/add", null,
                Map.of("folderName", "roa manuals", "parentFolderId", "0")));
        String folderId = (String) folder.get("folderId");
        assertThat(folderId).isNotBlank();
        Map<String, Object> session = data(roaCall(roa, "CreateChatSession", "POST",
                "/api/v2/aidoc/document/chat/session/create", null,
                Map.of("folderId", folderId, "name", "signed the old way")));
        assertThat((String) session.get("sessionId")).isNotBlank();

        // Query parameters take part in the signature: a verified request reaches the operation (a 404, not a 403).
        TeaException missing = catchThrowableOfType(TeaException.class, () -> roaCall(roa, "DetailDocument", "GET",
                "/api/v1/aidoc/document/detail", Map.of("taskId", "424242"), null));
        assertThat(missing.getCode()).isEqualTo("DocumentNotFound");
        Map<String, ?> deleted = roaCall(roa, "DeleteFolder", "DELETE", "/api/v1/aidoc/folder/delete",
                Map.of("folderId", folderId, "note", "a b&c=d/é"), null);
        assertThat(deleted.get("statusCode")).isEqualTo(200);
    }

    @Test
    void aRoaSignatureWithTheWrongSecretIsRefused() throws Exception {
        Client wrong = runtime("not-the-secret-at-all");
        TeaException refused = catchThrowableOfType(TeaException.class, () -> roaCall(wrong, "GetChatFolderList",
                "POST", "/api/v2/aidoc/document/chat/folder/list", null, null));
        assertThat(refused.getCode()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void aReplayedRoaRequestIsRefusedAndAStaleDateToo() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        HttpRequest request = roaRequest(date, UUID.randomUUID().toString());
        assertThat(send(request).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = send(request);
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.body()).contains("SignatureNonceUsed");

        String stale = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(20));
        HttpResponse<String> old = send(roaRequest(stale, UUID.randomUUID().toString()));
        assertThat(old.statusCode()).isEqualTo(403);
        assertThat(old.body()).contains("RequestTimeTooSkewed");
    }

    @Test
    void v3RequestsWhoseSignedHeadersLeaveOutHostAreAccepted() throws Exception {
        byte[] body = "{\"pageSize\":5}".getBytes(StandardCharsets.UTF_8);
        String path = "/api/v2/aidoc/document/chat/session/list";
        TeaRequest tea = new TeaRequest();
        tea.method = "POST";
        tea.pathname = path;
        tea.query = new HashMap<>();
        tea.headers = new HashMap<>(Map.of(
                "x-acs-action", "GetChatSessionList",
                "x-acs-version", VERSION,
                "x-acs-date", DateTimeFormatter.ISO_INSTANT.format(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                "x-acs-signature-nonce", UUID.randomUUID().toString().replace("-", ""),
                "x-acs-content-sha256", TestSigner.sha256Hex(body),
                "content-type", "application/json; charset=utf-8"));
        String authorization = com.aliyun.openapiutil.Client.getAuthorization(tea, "ACS3-HMAC-SHA256",
                TestSigner.sha256Hex(body), TestServer.ACME_KEY, TestServer.ACME_SECRET);
        assertThat(authorization).doesNotContain("host");

        HttpRequest.Builder request = HttpRequest.newBuilder(server.server.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        tea.headers.forEach(request::header);
        request.header("Authorization", authorization);
        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        // The same scheme still binds the body: another body under that signature is refused.
        HttpRequest.Builder altered = HttpRequest.newBuilder(server.server.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString("{\"pageSize\":6}"));
        tea.headers.forEach(altered::header);
        altered.header("Authorization", authorization);
        assertThat(send(altered.build()).statusCode()).isEqualTo(403);
    }

    /** A GetChatFolderList request signed by the SDK's ROA signer, with the headers its runtime sends. */
    private static HttpRequest roaRequest(String date, String nonce) throws Exception {
        String path = "/api/v2/aidoc/document/chat/folder/list";
        TeaRequest tea = new TeaRequest();
        tea.method = "POST";
        tea.pathname = path;
        tea.query = new HashMap<>();
        tea.headers = new HashMap<>(Map.of(
                "date", date,
                "accept", "application/json",
                "x-acs-signature-nonce", nonce,
                "x-acs-signature-method", "HMAC-SHA1",
                "x-acs-signature-version", "1.0",
                "x-acs-version", VERSION,
                "x-acs-action", "GetChatFolderList"));
        String signature = com.aliyun.openapiutil.Client.getROASignature(
                com.aliyun.openapiutil.Client.getStringToSign(tea), TestServer.ACME_SECRET);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.server.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody());
        for (Map.Entry<String, String> header : tea.headers.entrySet()) {
            if (!List.of("date").contains(header.getKey())) {
                request.header(header.getKey(), header.getValue());
            }
        }
        // Date is a restricted header of the JDK client unless allowed; it is sent as the SDK sends it.
        request.header("Date", date);
        request.header("Authorization", "acs " + TestServer.ACME_KEY + ":" + signature);
        return request.build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
