package io.docchat.http;

import static io.docchat.http.AuthMatrixTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation of the API over real HTTP against a real in-memory DocChat, as a signed SDK client calls it. */
class OperationsTest {
    private static final String PUMP_TEXT = """
            # Pump manual

            Before first use, prime the pump by filling the housing with water through the priming port.
            Close the priming plug tightly, then start the motor and watch the pressure gauge.

            # Maintenance

            Replace the mechanical seal every two thousand operating hours.
            Check the impeller for wear once a year.
            """;
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

    private static JsonNode addFolder(String name, String parent) {
        return acme.post("/api/v1/aidoc/folder/add", "AddFolder", Map.of("folderName", name, "parentFolderId", parent))
                .data();
    }

    /** A folder with the pump manual parsed, and a session over it. */
    private static String[] folderDocumentSession(String folderName) {
        JsonNode folder = addFolder(folderName, "0");
        String folderId = folder.get("folderId").asText();
        String taskId = BadInputTest.uploadAs(acme, folderId, "pump.md", PUMP_TEXT.getBytes(StandardCharsets.UTF_8))
                .data().get("taskId").asText();
        server.docChat.documents().awaitProcessed("acme", Long.parseLong(taskId), Duration.ofSeconds(30));
        String sessionId = acme.post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", "pump questions")).data().get("sessionId").asText();
        return new String[] {folderId, taskId, sessionId};
    }

    @Test
    void foldersFormATreeWithLevelsAndCounts() {
        JsonNode top = addFolder("Handbooks", "0");
        assertThat(top.get("folderId").asText()).matches("[0-9a-f]{32}");
        assertThat(top.get("parentFolderId").asText()).isEqualTo("0");
        assertThat(top.get("currentLevel").intValue()).isEqualTo(1);
        assertThat(top.get("docCount").intValue()).isZero();
        assertThat(top.get("folderNum").intValue()).isZero();
        assertThat(top.get("subFolderList").isArray()).isTrue();
        JsonNode child = addFolder("Pumps", top.get("folderId").asText());
        assertThat(child.get("currentLevel").intValue()).isEqualTo(2);
        addFolder("Valves", child.get("folderId").asText());

        ApiClient.Call list = new ApiClient.Call("/api/v2/aidoc/document/chat/folder/list", "GetChatFolderList");
        JsonNode tree = acme.send(list).data();
        JsonNode handbooks = find(tree, "Handbooks");
        assertThat(handbooks.get("subFolders").get(0).get("folderName").asText()).isEqualTo("Pumps");
        assertThat(handbooks.get("subFolders").get(0).get("subFolders").get(0).get("folderName").asText())
                .isEqualTo("Valves");
    }

    @Test
    void documentsAreSubmittedDescribedParsedAndDeleted() throws Exception {
        String folderId = addFolder("Docs", "0").get("folderId").asText();
        byte[] bytes = PUMP_TEXT.getBytes(StandardCharsets.UTF_8);
        String taskId = BadInputTest.uploadAs(acme, folderId, "pump.md", bytes).data().get("taskId").asText();
        assertThat(taskId).matches("\\d+");
        server.docChat.documents().awaitProcessed("acme", Long.parseLong(taskId), Duration.ofSeconds(30));

        ApiClient.Call detail = new ApiClient.Call("/api/v1/aidoc/document/detail", "DetailDocument");
        detail.method = "GET";
        detail.query.put("taskId", taskId);
        JsonNode item = acme.send(detail).data();
        assertThat(item.get("id").isIntegralNumber()).isTrue();
        assertThat(item.get("jobId").asText()).isEqualTo(taskId);
        assertThat(item.get("jobStatus").asText()).isEqualTo("PARSING_COMPLETED");
        assertThat(item.get("docName").asText()).isEqualTo("pump.md");
        assertThat(item.get("folderId").asText()).isEqualTo(folderId);
        assertThat(item.get("folderName").asText()).isEqualTo("Docs");
        assertThat(item.get("docHash").asText()).isEqualTo(TestSigner.sha256Hex(bytes));
        assertThat(item.get("createTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d");
        HttpResponse<byte[]> original = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(item.get("originDocUrl").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(bytes);

        JsonNode markdown = acme.post("/api/v2/aidoc/document/getDocParsingResult", "GetDocParsingResult",
                Map.of("taskId", taskId)).data();
        assertThat(markdown.get("content").asText()).contains("priming port");
        JsonNode json = acme.post("/api/v2/aidoc/document/getDocParsingResult", "GetDocParsingResult",
                Map.of("taskId", taskId, "returnFormat", "json")).data();
        assertThat(ApiClient.JSON.readTree(json.get("content").asText()).isContainerNode()).isTrue();

        ApiClient.Call deleteFolder = new ApiClient.Call("/api/v1/aidoc/folder/delete", "DeleteFolder");
        deleteFolder.method = "DELETE";
        deleteFolder.query.put("folderId", folderId);
        assertError(acme.send(deleteFolder), 409, "FolderNotEmpty");

        ApiClient.Call delete = new ApiClient.Call("/api/v1/aidoc/document/delete", "DeleteDocument");
        delete.method = "DELETE";
        delete.query.put("taskId", taskId);
        assertThat(acme.send(delete).data().booleanValue()).isTrue();
        ApiClient.Call detailAgain = new ApiClient.Call("/api/v1/aidoc/document/detail", "DetailDocument");
        detailAgain.method = "GET";
        detailAgain.query.put("taskId", taskId);
        assertError(acme.send(detailAgain), 404, "DocumentNotFound");
        ApiClient.Call deleteAgain = new ApiClient.Call("/api/v1/aidoc/folder/delete", "DeleteFolder");
        deleteAgain.method = "DELETE";
        deleteAgain.query.put("folderId", folderId);
        assertThat(acme.send(deleteAgain).data().booleanValue()).isTrue();
    }

    @Test
    void aDocumentWithoutFolderGoesToTheDefaultFolder() {
        ApiClient.Call call = new ApiClient.Call("/api/v2/aidoc/document/submitDocParsingTask", "SubmitDocParsingTask");
        call.query.put("fileName", "loose notes.txt");
        call.body = "Loose notes about gaskets.".getBytes(StandardCharsets.UTF_8);
        call.contentType = "application/octet-stream";
        String taskId = acme.send(call).data().get("taskId").asText();
        ApiClient.Call detail = new ApiClient.Call("/api/v1/aidoc/document/detail", "DetailDocument");
        detail.method = "GET";
        detail.query.put("taskId", taskId);
        JsonNode item = acme.send(detail).data();
        assertThat(item.get("folderName").asText()).isEqualTo("default");
        assertThat(item.get("docName").asText()).isEqualTo("loose notes.txt");
    }

    @Test
    void sessionsAreCreatedListedRenamedAndDeleted() {
        String folderId = addFolder("Sessions", "0").get("folderId").asText();
        String first = acme.post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", "alpha talk")).data().get("sessionId").asText();
        String second = acme.post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", "beta talk")).data().get("sessionId").asText();

        JsonNode all = acme.post("/api/v2/aidoc/document/chat/session/list", "GetChatSessionList",
                Map.of("name", "talk", "pageSize", 1)).data();
        assertThat(all.get("total").longValue()).isEqualTo(2);
        assertThat(all.get("totalPage").longValue()).isEqualTo(2);
        JsonNode newest = all.get("sessionList").get(0);
        assertThat(newest.get("sessionId").asText()).isEqualTo(second);
        assertThat(newest.get("folderId").asText()).isEqualTo(folderId);
        assertThat(newest.get("createTime").isIntegralNumber()).isTrue();
        assertThat(newest.get("updateTime").isIntegralNumber()).isTrue();

        assertThat(acme.post("/api/v2/aidoc/document/chat/session/update", "UpdateChatSession",
                Map.of("sessionId", first, "name", "alpha renamed")).data().booleanValue()).isTrue();
        JsonNode renamed = acme.post("/api/v2/aidoc/document/chat/session/list", "GetChatSessionList",
                Map.of("name", "renamed")).data();
        assertThat(renamed.get("sessionList").get(0).get("sessionId").asText()).isEqualTo(first);

        assertThat(acme.post("/api/v2/aidoc/document/chat/session/delete", "DeleteChatSession",
                Map.of("sessionId", first)).data().booleanValue()).isTrue();
        assertError(acme.post("/api/v2/aidoc/document/chat/list", "GetChatList", Map.of("sessionId", first)), 404,
                "SessionNotFound");
    }

    @Test
    void chatAnswersWithCitationsAndHistoryKeepsThem() {
        String[] ids = folderDocumentSession("Chat");
        JsonNode item = acme.post("/api/v2/aidoc/document/chat", "Chat",
                Map.of("sessionId", ids[2], "question", "How do I prime the pump?")).data();
        assertThat(item.get("question").asText()).isEqualTo("How do I prime the pump?");
        assertThat(item.get("answer").asText()).isNotBlank();
        assertThat(item.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(item.get("createTime").isIntegralNumber()).isTrue();
        assertThat(item.get("folderId").asText()).isEqualTo(ids[0]);
        JsonNode ref = item.get("refDocList").get(0);
        assertThat(ref.get("docName").asText()).isEqualTo("pump.md");
        assertThat(ref.get("docId").longValue()).isEqualTo(Long.parseLong(ids[1]));
        assertThat(ref.get("docUrl").asText()).contains("/files/acme/" + ids[1] + "/");
        assertThat(ref.get("pageNum").get(0).get("num").intValue()).isGreaterThanOrEqualTo(1);
        assertThat(ref.get("docInfo").get("pageListInfo").get(0).get("pageIdCurDoc").intValue())
                .isEqualTo(ref.get("pageNum").get(0).get("num").intValue() - 1);

        JsonNode history = acme.post("/api/v2/aidoc/document/chat/list", "GetChatList",
                Map.of("sessionId", ids[2])).data();
        assertThat(history.get("total").longValue()).isEqualTo(1);
        assertThat(history.get("chatList").get(0).get("answer").asText()).isEqualTo(item.get("answer").asText());
        assertThat(history.get("chatList").get(0).get("refDocList")).hasSize(item.get("refDocList").size());
    }

    @Test
    void aQuestionWithoutRelevantContentSaysSo() {
        String[] ids = folderDocumentSession("Nothing");
        JsonNode item = acme.post("/api/v2/aidoc/document/chat", "Chat",
                Map.of("sessionId", ids[2], "question", "Zebra migration patterns in Kenya?")).data();
        assertThat(item.get("answer").asText()).isEqualTo("No related content found.");
        assertThat(item.get("refDocList")).isEmpty();
    }

    @Test
    void chatStreamSendsStrictEventsThatAddUpToTheStoredAnswer() throws Exception {
        String[] ids = folderDocumentSession("Stream");
        ApiClient.Call call = new ApiClient.Call("/api/v2/aidoc/document/chat/stream", "ChatStream")
                .json(Map.of("sessionId", ids[2], "question", "How do I prime the pump?"));
        HttpResponse<InputStream> response = acme.open(call);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream;charset=UTF-8");
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        String requestId = response.headers().firstValue("x-acs-request-id").orElseThrow();

        List<StrictSse.Event> events;
        try (InputStream in = response.body()) {
            events = StrictSse.parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(events.size()).as(events.toString()).isGreaterThanOrEqualTo(3);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.id()).isEqualTo(requestId);
            assertThat(event.data().get("requestId").asText()).isEqualTo(requestId);
        });
        JsonNode first = events.get(0).data().get("data");
        assertThat(first.get("answer").asText()).isEmpty();
        assertThat(first.get("question").asText()).isEqualTo("How do I prime the pump?");
        assertThat(first.get("refDocList")).as(events.toString()).isNotEmpty();
        assertThat(first.get("sessionId").asText()).isEqualTo(ids[2]);
        assertThat(first.has("status")).isFalse();
        JsonNode last = events.get(events.size() - 1).data().get("data");
        assertThat(last.get("answer").asText()).isEmpty();
        assertThat(last.get("status").asText()).isEqualTo("COMPLETED");
        StringBuilder answer = new StringBuilder();
        for (StrictSse.Event event : events.subList(1, events.size() - 1)) {
            assertThat(event.data().get("data").has("status")).isFalse();
            answer.append(event.data().get("data").get("answer").asText());
        }
        assertThat(answer.toString()).isNotBlank();
        JsonNode stored = acme.post("/api/v2/aidoc/document/chat/list", "GetChatList", Map.of("sessionId", ids[2]))
                .data().get("chatList").get(0);
        assertThat(stored.get("answer").asText()).isEqualTo(answer.toString());
        assertThat(stored.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(stored.get("chatId").asText()).isEqualTo(first.get("chatId").asText());
    }

    @Test
    void chatStreamAnswersWithOneJsonDocumentWhenAsked() {
        String[] ids = folderDocumentSession("JsonStream");
        ApiClient.Call call = new ApiClient.Call("/api/v2/aidoc/document/chat/stream", "ChatStream")
                .json(Map.of("sessionId", ids[2], "question", "How do I prime the pump?"));
        call.headers.put("X-Stream-Format", "json");
        ApiClient.Response response = acme.send(call);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode item = response.data();
        assertThat(item.get("answer").asText()).isNotBlank();
        assertThat(item.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(item.get("refDocList")).isNotEmpty();
    }

    @Test
    void retrieveReturnsScoredChunks() {
        String[] ids = folderDocumentSession("Retrieve");
        JsonNode data = acme.post("/api/v2/aidoc/knowledgebase/retrieve", "Retrieve",
                Map.of("query", "impeller wear", "folderIds", List.of(ids[0]), "topK", "3")).data();
        assertThat(data.get("jobId").asText()).isNotBlank();
        JsonNode first = data.get("results").get(0);
        assertThat(first.get("chunkContent").asText()).containsIgnoringCase("impeller");
        assertThat(first.get("docId").asText()).isEqualTo(ids[1]);
        assertThat(first.get("docName").asText()).isEqualTo("pump.md");
        assertThat(first.get("score").isNumber()).isTrue();
        assertThat(data.get("results").size()).isLessThanOrEqualTo(3);
    }

    @Test
    void documentIdsOutsideTheSessionScopeAreRefusedBeforeStreaming() {
        String[] ids = folderDocumentSession("Scope");
        String[] elsewhere = folderDocumentSession("Elsewhere");
        ApiClient.Call call = new ApiClient.Call("/api/v2/aidoc/document/chat/stream", "ChatStream")
                .json(Map.of("sessionId", ids[2], "question", "How do I prime the pump?",
                        "documentIds", List.of(Long.parseLong(elsewhere[1]))));
        ApiClient.Response response = acme.send(call);
        assertThat(response.status()).isBetween(400, 404);
        assertThat(response.json().get("Code").asText()).isNotBlank();
    }

    private static JsonNode find(JsonNode folders, String name) {
        for (JsonNode folder : folders) {
            if (folder.get("folderName").asText().equals(name)) {
                return folder;
            }
        }
        throw new AssertionError("no folder " + name + " in " + folders);
    }
}
