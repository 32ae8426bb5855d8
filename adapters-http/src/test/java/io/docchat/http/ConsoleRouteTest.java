package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's files over real HTTP, and the document listing the console needs to show a folder. */
class ConsoleRouteTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestServer server;
    private static ApiClient acme;

    @BeforeAll
    static void start() {
        server = TestServer.withKeys();
        acme = server.acme();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.server.baseUri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheConsoleWithoutCredentialsAndWithAStrictContentPolicy() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'");
        assertThat(index.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(index.body()).contains("/console/app.js");

        HttpResponse<String> script = get("/console/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    }

    @Test
    void refusesPathsOutsideTheConsoleFolder() throws Exception {
        // An encoded dot segment is an ambiguous path, which the server itself refuses (400) before any route.
        HttpResponse<String> escape = get("/console/%2e%2e/DocChatHttpServer.class");
        assertThat(escape.statusCode()).isEqualTo(400);
        assertThat(escape.body()).contains("\"Code\":\"InvalidRequest\"");
        assertThat(get("/console/missing.js").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(server.server.baseUri() + "/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void listsTheDocumentsOfAFolderPagedAndOnlyForItsAccount() {
        String folderId = acme.post("/api/v1/aidoc/folder/add", "AddFolder",
                Map.of("folderName", "listing", "parentFolderId", "0")).data().get("folderId").asText();
        String[] taskIds = new String[3];
        for (int i = 0; i < taskIds.length; i++) {
            taskIds[i] = BadInputTest.uploadAs(acme, folderId, "note" + i + ".txt",
                    ("Note number " + i + " about valves.").getBytes(StandardCharsets.UTF_8))
                    .data().get("taskId").asText();
            server.docChat.documents().awaitProcessed("acme", Long.parseLong(taskIds[i]), Duration.ofSeconds(30));
        }

        JsonNode second = acme.post("/api/v2/aidoc/document/list", "ListDocuments",
                Map.of("folderId", folderId, "currentPage", 2, "pageSize", 2)).data();
        assertThat(second.get("total").longValue()).isEqualTo(3);
        assertThat(second.get("totalPage").longValue()).isEqualTo(2);
        assertThat(second.get("currentPage").longValue()).isEqualTo(2);
        JsonNode last = second.get("documentList").get(0);
        assertThat(second.get("documentList")).hasSize(1);
        assertThat(last.get("jobId").asText()).isEqualTo(taskIds[2]);
        assertThat(last.get("docName").asText()).isEqualTo("note2.txt");
        assertThat(last.get("jobStatus").asText()).isEqualTo("PARSING_COMPLETED");
        assertThat(last.get("folderName").asText()).isEqualTo("listing");
        assertThat(last.get("pages").intValue()).isEqualTo(1);

        ApiClient.Response foreign = server.other().post("/api/v2/aidoc/document/list", "ListDocuments",
                Map.of("folderId", folderId));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("FolderNotFound");
        ApiClient.Response missing = acme.post("/api/v2/aidoc/document/list", "ListDocuments", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("MissingParameter.FolderId");
    }
}
