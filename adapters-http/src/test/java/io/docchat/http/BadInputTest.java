package io.docchat.http;

import static io.docchat.http.AuthMatrixTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 6's bad-input matrix: every malformed request gets the right status and code, and loses nothing. */
class BadInputTest {
    private static final String SESSION_CREATE = "/api/v2/aidoc/document/chat/session/create";
    private static final String SESSION_LIST = "/api/v2/aidoc/document/chat/session/list";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(b -> b, c -> c.withMaxBodyBytes(1024).withMaxUploadBytes(4096), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unknownPathIsNotFound() {
        assertError(server.acme().post("/api/v2/aidoc/nothing", null, Map.of()), 404, "NotFound");
    }

    @Test
    void wrongMethodIsNotAllowed() {
        ApiClient.Call call = new ApiClient.Call(SESSION_LIST, "GetChatSessionList");
        call.method = "GET";
        assertError(server.acme().send(call), 405, "MethodNotAllowed");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of(SESSION_CREATE, "CreateChatSession", "{\"folderId\":", 400, "InvalidBody"),
                Arguments.of(SESSION_CREATE, "CreateChatSession", "not json", 400, "InvalidBody"),
                Arguments.of(SESSION_CREATE, "CreateChatSession", "[1,2]", 400, "InvalidBody"),
                Arguments.of(SESSION_CREATE, "CreateChatSession", "\"text\"", 400, "InvalidBody"),
                Arguments.of(SESSION_CREATE, "CreateChatSession", "{}", 400, "MissingParameter.FolderId"),
                Arguments.of(SESSION_CREATE, "CreateChatSession", "{\"folderId\":\"f\",\"name\":\"  \"}", 400,
                        "MissingParameter.Name"),
                Arguments.of(SESSION_CREATE, "CreateChatSession", "{\"folderId\":{\"a\":1},\"name\":\"n\"}", 400,
                        "InvalidParameter.FolderId"),
                Arguments.of(SESSION_LIST, "GetChatSessionList", "{\"pageSize\":101}", 400, "InvalidParameter.PageSize"),
                Arguments.of(SESSION_LIST, "GetChatSessionList", "{\"pageSize\":0}", 400, "InvalidParameter.PageSize"),
                Arguments.of(SESSION_LIST, "GetChatSessionList", "{\"currentPage\":0}", 400,
                        "InvalidParameter.CurrentPage"),
                Arguments.of(SESSION_LIST, "GetChatSessionList", "{\"currentPage\":\"two\"}", 400,
                        "InvalidParameter.CurrentPage"),
                Arguments.of(SESSION_LIST, "GetChatSessionList", "{\"currentPage\":true}", 400,
                        "InvalidParameter.CurrentPage"),
                Arguments.of("/api/v2/aidoc/document/chat", "Chat", "{\"sessionId\":[\"s\"],"
                        + "\"question\":\"q\"}", 400, "InvalidParameter.SessionId"),
                Arguments.of("/api/v2/aidoc/document/chat", "Chat", "{\"sessionId\":\"s\"}", 400,
                        "MissingParameter.Question"),
                Arguments.of("/api/v2/aidoc/document/chat/stream", "ChatStream",
                        "{\"sessionId\":\"s\",\"question\":\"q\",\"documentIds\":\"1\"}", 400,
                        "InvalidParameter.DocumentIds"),
                Arguments.of("/api/v2/aidoc/document/chat/stream", "ChatStream",
                        "{\"sessionId\":\"nope\",\"question\":\"q\"}", 404, "SessionNotFound"),
                Arguments.of("/api/v2/aidoc/knowledgebase/retrieve", "Retrieve", "{\"query\":\"q\",\"topK\":1000}", 400,
                        "InvalidParameter.TopK"),
                Arguments.of("/api/v2/aidoc/knowledgebase/retrieve", "Retrieve",
                        "{\"query\":\"q\",\"useReranker\":\"yes\"}", 400, "InvalidParameter.UseReranker"),
                Arguments.of("/api/v2/aidoc/document/getDocParsingResult", "GetDocParsingResult",
                        "{\"taskId\":\"abc\"}", 400, "InvalidParameter.TaskId"),
                Arguments.of("/api/v1/aidoc/folder/add", "AddFolder", "{\"folderName\":\"x\"}", 400,
                        "MissingParameter.ParentFolderId"),
                Arguments.of("/api/v1/aidoc/folder/add", "AddFolder",
                        "{\"folderName\":\"x\",\"parentFolderId\":\"ffffffffffffffffffffffffffffffff\"}", 404,
                        "FolderNotFound"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedWithTheRightCode(String path, String action, String body, int status, String code) {
        assertError(server.acme().send(new ApiClient.Call(path, action).json(body)), status, code);
    }

    @Test
    void pagingAcceptsNumericStrings() {
        ApiClient.Response response = server.acme().post(SESSION_LIST, "GetChatSessionList",
                Map.of("currentPage", "2", "pageSize", "5"));
        assertThat(response.data().get("currentPage").isIntegralNumber()).isTrue();
        assertThat(response.data().get("currentPage").longValue()).isEqualTo(2);
        assertThat(response.data().get("pageSize").longValue()).isEqualTo(5);
        assertThat(response.data().get("total").isIntegralNumber()).isTrue();
    }

    @Test
    void mismatchedActionOrVersionIsInvalidAction() {
        assertError(server.acme().send(new ApiClient.Call(SESSION_LIST, "Chat").json("{}")), 400, "InvalidAction");
        ApiClient.Call call = new ApiClient.Call(SESSION_LIST, null).json("{}");
        call.headers.put("x-acs-action", "GetChatSessionList");
        call.headers.put("x-acs-version", "2019-01-01");
        assertError(server.acme().send(call), 400, "InvalidAction");
    }

    @Test
    void bodiesOverTheLimitAreRefusedWhetherLengthIsDeclaredOrChunked() {
        char[] filler = new char[2000];
        Arrays.fill(filler, 'x');
        String big = "{\"name\":\"" + new String(filler) + "\",\"folderId\":\"f\"}";
        assertError(server.acme().send(new ApiClient.Call(SESSION_CREATE, "CreateChatSession").json(big)), 413,
                "PayloadTooLarge");
        ApiClient.Call chunked = new ApiClient.Call(SESSION_CREATE, "CreateChatSession").json(big);
        chunked.chunked = true;
        assertError(server.acme().send(chunked), 413, "PayloadTooLarge");
    }

    @Test
    void uploadsHaveTheirOwnLargerLimit() {
        String folderId = server.acme().post("/api/v1/aidoc/folder/add", "AddFolder",
                Map.of("folderName", "uploads", "parentFolderId", "0")).data().get("folderId").asText();
        byte[] text = "Uploads may be larger than JSON bodies. ".repeat(60).getBytes(StandardCharsets.UTF_8);
        assertThat(text.length).isBetween(1025, 4096);
        assertThat(upload(folderId, "ok.txt", text).status()).isEqualTo(200);
        byte[] tooBig = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
        assertError(upload(folderId, "big.txt", tooBig), 413, "PayloadTooLarge");
    }

    @Test
    void aFileNoParserReadsIsUnsupported() {
        String folderId = server.acme().post("/api/v1/aidoc/folder/add", "AddFolder",
                Map.of("folderName", "binaries", "parentFolderId", "0")).data().get("folderId").asText();
        byte[] binary = new byte[512];
        new java.util.Random(7).nextBytes(binary);
        binary[0] = 0;
        assertError(upload(folderId, "firmware.bin", binary), 415, "UnsupportedDocumentType");
    }

    @Test
    void chunkedJsonBodiesWithinTheLimitAreRead() {
        String folderId = server.acme().post("/api/v1/aidoc/folder/add", "AddFolder",
                Map.of("folderName", "chunky", "parentFolderId", "0")).data().get("folderId").asText();
        ApiClient.Call call = new ApiClient.Call(SESSION_CREATE, "CreateChatSession")
                .json(Map.of("folderId", folderId, "name", "via chunks"));
        call.chunked = true;
        assertThat(server.acme().send(call).data().get("sessionId").asText()).isNotBlank();
    }

    @Test
    void fileUrlIsRefusedWhenDownloadsAreOff() {
        ApiClient.Call call = new ApiClient.Call("/api/v2/aidoc/document/submitDocParsingTask", "SubmitDocParsingTask");
        call.query.put("fileName", "a.pdf");
        call.query.put("fileUrl", "http://169.254.169.254/latest/meta-data");
        assertError(server.acme().send(call), 400, "InvalidParameter.FileUrl");
    }

    @Test
    void healthNeedsNoAuth() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.server.baseUri() + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.JSON.readTree(response.body()).get("status").asText()).isEqualTo("UP");
    }

    static ApiClient.Response upload(String folderId, String fileName, byte[] content) {
        return uploadAs(server.acme(), folderId, fileName, content);
    }

    static ApiClient.Response uploadAs(ApiClient client, String folderId, String fileName, byte[] content) {
        ApiClient.Call call = new ApiClient.Call("/api/v2/aidoc/document/submitDocParsingTask", "SubmitDocParsingTask");
        call.query.put("fileName", fileName);
        call.query.put("folderId", folderId);
        call.body = content;
        call.contentType = "application/octet-stream";
        return client.send(call);
    }

}
