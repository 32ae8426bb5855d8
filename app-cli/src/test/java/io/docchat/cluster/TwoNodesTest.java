package io.docchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.postgres.PostgresStorage;
import io.docchat.postgres.ThrowawayPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two docchat servers on one PostgreSQL database, each with its own index replica, over real loopback HTTP with
 * signed requests: what one node takes in, the other answers from; a file URL one node hands out, the other serves;
 * a signed request one node has seen, the other refuses to see again.
 */
class TwoNodesTest {
    private static final Logger log = LoggerFactory.getLogger(TwoNodesTest.class);
    private static final String ACCOUNT = "acme";
    private static final String KEY_ID = "LTAI5tClusterTestKey01";
    private static final String SECRET = "cluster-test-secret-0123456789abcdef";
    private static final String MANUAL = """
            Priming the circulation pump

            Before the first start, open the bleed screw on the pump housing and let water run until no air comes out.
            Close the bleed screw hand-tight, then start the pump and check the pressure gauge reads 1.5 bar.
            """;

    private final ObjectMapper json = new ObjectMapper();
    private final SignedClient client = new SignedClient(KEY_ID, SECRET);

    @TempDir
    Path temp;

    @Test
    void aDocumentUploadedThroughOneNodeIsAnsweredThroughTheOtherAndReplaysAreRefusedThere() throws Exception {
        String url = ThrowawayPostgres.shared().newDatabase();
        try (PostgresStorage admin = PostgresStorage.open(url)) {
            admin.accountStore().insertAccount(new Account(ACCOUNT, "Acme", Instant.now()));
            admin.accountStore().insertAccessKey(new AccessKey(KEY_ID, ACCOUNT, SECRET, Instant.now()));
        }
        try (ClusterNode a = ClusterNode.start(url, temp.resolve("node-a"));
                ClusterNode b = ClusterNode.start(url, temp.resolve("node-b"))) {
            JsonNode folder = call(a, "POST", "/api/v1/aidoc/folder/add", Map.of(), "AddFolder",
                    Map.of("folderName", "manuals", "parentFolderId", "0"));
            String folderId = folder.path("folderId").asText();

            SignedClient.Signed upload = client.sign("POST", "/api/v2/aidoc/document/submitDocParsingTask",
                    Map.of("fileName", "pump.md", "folderId", folderId), "SubmitDocParsingTask",
                    "application/octet-stream", MANUAL.getBytes(StandardCharsets.UTF_8), a.baseUri().getAuthority());
            HttpResponse<String> submitted = client.send(a.baseUri(), upload);
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
            long documentId = Long.parseLong(json.readTree(submitted.body()).path("data").path("taskId").asText());

            Document done = a.backend().docChat().documents()
                    .awaitProcessed(ACCOUNT, documentId, Duration.ofMinutes(1));
            assertThat(done.status()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
            long completedAt = System.nanoTime();

            JsonNode session = call(b, "POST", "/api/v2/aidoc/document/chat/session/create", Map.of(),
                    "CreateChatSession", Map.of("folderId", folderId, "name", "pumps"));
            SignedClient.Signed ask = client.sign("POST", "/api/v2/aidoc/document/chat/stream", Map.of(),
                    "ChatStream", "application/json; charset=utf-8",
                    json.writeValueAsBytes(Map.of("sessionId", session.path("sessionId").asText(),
                            "question", "How do I prime the circulation pump?")),
                    b.baseUri().getAuthority());
            HttpResponse<String> streamed = client.send(b.baseUri(), ask);
            long answeredAfterMillis = (System.nanoTime() - completedAt) / 1_000_000;
            log.info("Node B answered {} ms after node A completed the document", answeredAfterMillis);
            assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
            JsonNode first = firstEvent(streamed.body());
            JsonNode cited = first.path("data").path("refDocList");
            assertThat(cited).as(streamed.body()).hasSize(1);
            assertThat(cited.get(0).path("originDocName").asText()).isEqualTo("pump.md");
            assertThat(streamed.body()).contains("bleed screw");

            // The file URL node B handed out is signed with the shared key: node A serves it.
            URI fileUrl = URI.create(cited.get(0).path("originDocUrl").asText());
            URI onA = a.baseUri().resolve(fileUrl.getRawPath() + "?" + fileUrl.getRawQuery());
            HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(onA).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(MANUAL);

            // Each signed request, replayed byte for byte to the other node, is refused there: nonces are shared.
            assertThat(SignedClient.replay(b.baseUri(), upload)).isEqualTo(403);
            assertThat(SignedClient.replay(a.baseUri(), ask)).isEqualTo(403);
            assertThat(a.backend().docChat().documents().list(ACCOUNT, folderId, null).total()).isEqualTo(1);
        }
    }

    private JsonNode call(ClusterNode node, String method, String path, Map<String, String> query, String action,
            Map<String, String> body) throws Exception {
        SignedClient.Signed request = client.sign(method, path, query, action, "application/json; charset=utf-8",
                json.writeValueAsBytes(body), node.baseUri().getAuthority());
        HttpResponse<String> response = client.send(node.baseUri(), request);
        assertThat(response.statusCode()).as(action + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("data");
    }

    private JsonNode firstEvent(String stream) throws Exception {
        for (String line : stream.split("\n")) {
            if (line.startsWith("data: ")) {
                return json.readTree(line.substring("data: ".length()));
            }
        }
        throw new AssertionError("no event in " + stream);
    }
}
