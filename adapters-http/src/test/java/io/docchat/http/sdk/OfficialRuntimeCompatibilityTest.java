package io.docchat.http.sdk;

import static io.docchat.http.sdk.WireShape.asList;
import static io.docchat.http.sdk.WireShape.asObject;
import static io.docchat.http.sdk.WireShape.bool;
import static io.docchat.http.sdk.WireShape.integer;
import static io.docchat.http.sdk.WireShape.isoTime;
import static io.docchat.http.sdk.WireShape.list;
import static io.docchat.http.sdk.WireShape.number;
import static io.docchat.http.sdk.WireShape.object;
import static io.docchat.http.sdk.WireShape.string;
import static io.docchat.http.sdk.WireShape.stringOrNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.DocChat;
import io.docchat.core.memory.InMemoryAccountStore;
import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import io.docchat.http.BlankPageRenderer;
import io.docchat.http.DocChatHttpServer;
import io.docchat.http.HttpServerConfig;
import io.docchat.http.LaidOutTextParser;
import io.docchat.http.sdk.AidocModels.AddFolderBody;
import io.docchat.http.sdk.AidocModels.BooleanBody;
import io.docchat.http.sdk.AidocModels.ChatBody;
import io.docchat.http.sdk.AidocModels.ChatItem;
import io.docchat.http.sdk.AidocModels.ChatListBody;
import io.docchat.http.sdk.AidocModels.ChatRefDocItem;
import io.docchat.http.sdk.AidocModels.ChatRefDocPageInfo;
import io.docchat.http.sdk.AidocModels.ChunkItem;
import io.docchat.http.sdk.AidocModels.CreateSessionBody;
import io.docchat.http.sdk.AidocModels.DetailBody;
import io.docchat.http.sdk.AidocModels.FolderListBody;
import io.docchat.http.sdk.AidocModels.ParsingResultBody;
import io.docchat.http.sdk.AidocModels.ResponseHead;
import io.docchat.http.sdk.AidocModels.RetrieveBody;
import io.docchat.http.sdk.AidocModels.SessionListBody;
import io.docchat.http.sdk.AidocModels.SubmitBody;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every aidoc operation of the API, called through the official Alibaba Cloud SDK runtime
 * ({@code com.aliyun:tea-openapi}) the way the generated Energy Expert client calls it, against a real
 * {@link DocChatHttpServer} on loopback over a real in-memory {@link DocChat}. Each response must be accepted by the
 * runtime, fill the generated models' fields, and carry every field those models read with the JSON type the SDKs
 * expect; each error must surface as the runtime's {@link TeaException} with the API's code and HTTP status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialRuntimeCompatibilityTest {
    private static final String ACCOUNT = "acme";
    private static final String ACCESS_KEY_ID = "LTAIdocchatSdkCheck";
    private static final String ACCESS_KEY_SECRET = "sdk-check-secret-0123456789";
    private static final String BEARER_TOKEN = "sdk-check-bearer-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANUAL = String.join("\n",
            "Pump room safety rules.",
            "Wear ear protection near running pumps.",
            "The flywheel guard must stay closed while the motor turns.",
            "Report oil leaks to the shift supervisor before the end of the shift.",
            "The emergency stop button is red and sits beside the door.");

    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private DocChat docChat;
    private DocChatHttpServer server;
    private AidocRuntimeClient sdk;

    private String topFolderId;
    private String manualFolderId;
    private String manualTaskId;
    private String sessionId;

    @BeforeAll
    void startServerAndUploadAManual() throws Exception {
        Instant now = Instant.now();
        accounts.insertAccount(new Account(ACCOUNT, "Acme", now));
        accounts.insertAccessKey(new AccessKey(ACCESS_KEY_ID, ACCOUNT, ACCESS_KEY_SECRET, now));
        accounts.insertBearerToken(new BearerToken(sha256Hex(BEARER_TOKEN.getBytes(StandardCharsets.UTF_8)),
                ACCOUNT, "sdk runtime check", now));
        docChat = DocChat.builder().accountStore(accounts).parser(new LaidOutTextParser()).pageRenderer(new BlankPageRenderer()).build();
        server = DocChatHttpServer.start(docChat, HttpServerConfig.defaults().withPort(0));
        sdk = AidocRuntimeClient.withAccessKey(server.baseUri(), ACCESS_KEY_ID, ACCESS_KEY_SECRET);

        topFolderId = body(sdk.addFolder("plant", "0"), AddFolderBody::new).data.folderId;
        manualFolderId = body(sdk.addFolder("pumps", topFolderId), AddFolderBody::new).data.folderId;
        manualTaskId = upload(manualFolderId, "pump-room.layout", MANUAL);
        sessionId = body(sdk.createChatSession(topFolderId, "pump questions"), CreateSessionBody::new).data.sessionId;
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (docChat != null) {
            docChat.close();
        }
    }

    @Test
    void addFolderAnswersAFolderItem() throws Exception {
        Map<String, ?> response = sdk.addFolder("valves", topFolderId);
        Map<String, Object> data = object(envelope(response), "data");
        assertThat(string(data, "folderId")).matches("[0-9a-f]{32}");
        assertThat(string(data, "folderName")).isEqualTo("valves");
        assertThat(string(data, "parentFolderId")).isEqualTo(topFolderId);
        assertThat(integer(data, "currentLevel")).isEqualTo(2);
        assertThat(integer(data, "docCount")).isZero();
        assertThat(integer(data, "folderNum")).isZero();
        assertThat(list(data, "subFolderList")).isEmpty();

        AddFolderBody typed = body(response, AddFolderBody::new);
        assertThat(typed.data.folderId).isEqualTo(data.get("folderId"));
        assertThat(typed.data.currentLevel).isEqualTo(2);

        Map<String, Object> top = object(envelope(sdk.addFolder("yard", "0")), "data");
        assertThat(string(top, "parentFolderId")).isEqualTo("0");
        assertThat(integer(top, "currentLevel")).isEqualTo(1);
    }

    @Test
    void chatFolderListIsTheAccountsTree() throws Exception {
        Map<String, ?> response = sdk.getChatFolderList();
        List<Object> folders = list(envelope(response), "data");
        Map<String, Object> plant = folders.stream().map(f -> asObject(f, "ChatFolderItem"))
                .filter(f -> topFolderId.equals(f.get("folderId"))).findFirst().orElseThrow();
        assertThat(string(plant, "folderName")).isEqualTo("plant");
        List<Object> children = list(plant, "subFolders");
        assertThat(children).extracting(child -> asObject(child, "subFolders[]").get("folderId"))
                .contains(manualFolderId);

        FolderListBody typed = body(response, FolderListBody::new);
        assertThat(typed.data).extracting(folder -> folder.folderId).contains(topFolderId);
        assertThat(typed.data.stream().filter(f -> f.folderId.equals(topFolderId)).findFirst().orElseThrow()
                .subFolders).isNotEmpty();
    }

    @Test
    void submittedFileIsDescribedWithIsoTimesAndItsHash() throws Exception {
        Map<String, ?> response = sdk.detailDocument(manualTaskId);
        Map<String, Object> detail = object(envelope(response), "data");
        assertThat(integer(detail, "id")).isEqualTo(Long.parseLong(manualTaskId));
        assertThat(string(detail, "jobId")).isEqualTo(manualTaskId);
        assertThat(string(detail, "jobStatus")).isEqualTo("PARSING_COMPLETED");
        assertThat(string(detail, "docName")).isEqualTo("pump-room.layout");
        assertThat(string(detail, "originDocName")).isEqualTo("pump-room.layout");
        assertThat(string(detail, "docUrl")).startsWith(server.baseUri().toString());
        assertThat(string(detail, "originDocUrl")).startsWith(server.baseUri().toString());
        assertThat(string(detail, "folderId")).isEqualTo(manualFolderId);
        assertThat(string(detail, "folderName")).isEqualTo("pumps");
        assertThat(string(detail, "docHash")).isEqualTo(sha256Hex(MANUAL.getBytes(StandardCharsets.UTF_8)));
        OffsetDateTime created = isoTime(detail, "createTime");
        OffsetDateTime updated = isoTime(detail, "updateTime");
        assertThat(updated).isAfterOrEqualTo(created);
        assertThat(Duration.between(created.toInstant(), Instant.now()).abs()).isLessThan(Duration.ofHours(1));

        DetailBody typed = body(response, DetailBody::new);
        assertThat(typed.data.id).isEqualTo(Long.parseLong(manualTaskId));
        assertThat(typed.data.jobStatus).isEqualTo("PARSING_COMPLETED");
        assertThat(typed.data.createTime).isEqualTo(detail.get("createTime"));
    }

    @Test
    void nonAsciiFileNamesAndQuestionsSurviveSigning() throws Exception {
        // Spaces, CJK, and the characters the signature's RFC 3986 encoding treats specially: + * ~ ( ) '
        String fileName = "泵房 规则 (v2)+final~*'.layout";
        String taskId = upload(manualFolderId, fileName, "设备巡检：每班检查一次油位。\nCheck the oil level once a shift.");
        Map<String, Object> detail = object(envelope(sdk.detailDocument(taskId)), "data");
        assertThat(string(detail, "docName")).isEqualTo(fileName);

        String session = body(sdk.createChatSession(manualFolderId, "巡检问题"), CreateSessionBody::new)
                .data.sessionId;
        ChatItem answer = body(sdk.chat(session, "多久检查一次油位？ oil level", List.of(Long.parseLong(taskId))),
                ChatBody::new).data;
        assertThat(answer.question).isEqualTo("多久检查一次油位？ oil level");
        assertThat(answer.refDocList).extracting(ref -> ref.docName).containsOnly(fileName);
    }

    @Test
    void submitWithOnlyAFileUrlIsRefusedClearlyWhenDownloadsAreOff() throws Exception {
        assertError(teaError(() -> sdk.submitDocParsingTaskFromUrl("remote.pdf", manualFolderId,
                "https://example.com/remote.pdf")), 400, "InvalidParameter.FileUrl");
        assertError(teaError(() -> sdk.submitDocParsingTaskFromUrl(null, manualFolderId, null)), 400,
                "MissingParameter.FileName");
    }

    @Test
    void parsingResultComesAsMarkdownAndAsJson() throws Exception {
        Map<String, ?> markdown = sdk.getDocParsingResult(manualTaskId, "md");
        String md = string(object(envelope(markdown), "data"), "content");
        assertThat(md).contains("flywheel guard must stay closed");
        assertThat(body(markdown, ParsingResultBody::new).data.content).isEqualTo(md);

        Map<String, ?> json = sdk.getDocParsingResult(manualTaskId, "json");
        String content = string(object(envelope(json), "data"), "content");
        JsonNode parsed = JSON.readTree(content);
        assertThat(parsed.isObject()).isTrue();
        assertThat(content).contains("flywheel guard must stay closed");
    }

    @Test
    void sessionListAcceptsPagingAsNumbersAndAsStrings() throws Exception {
        String second = body(sdk.createChatSession(topFolderId, "valve questions"), CreateSessionBody::new)
                .data.sessionId;
        for (List<Object> paging : List.<List<Object>>of(List.of(1, 1), List.of("1", "1"))) {
            Map<String, ?> response = sdk.getChatSessionList(paging.get(0), paging.get(1), "questions");
            Map<String, Object> data = object(envelope(response), "data");
            assertThat(integer(data, "currentPage")).as("currentPage sent as %s", paging).isEqualTo(1);
            assertThat(integer(data, "pageSize")).isEqualTo(1);
            long total = integer(data, "total");
            assertThat(total).isGreaterThanOrEqualTo(2);
            assertThat(integer(data, "totalPage")).isEqualTo(total);
            List<Object> sessions = list(data, "sessionList");
            assertThat(sessions).hasSize(1);
            Map<String, Object> newest = asObject(sessions.get(0), "SessionItem");
            assertThat(string(newest, "sessionId")).isEqualTo(second);
            assertThat(string(newest, "name")).isEqualTo("valve questions");
            assertThat(string(newest, "folderId")).isEqualTo(topFolderId);
            assertThat(string(newest, "userId")).isEqualTo(ACCOUNT);
            assertThat(integer(newest, "createTime")).isPositive();
            assertThat(integer(newest, "updateTime")).isGreaterThanOrEqualTo(integer(newest, "createTime"));

            SessionListBody typed = body(response, SessionListBody::new);
            assertThat(typed.data.sessionList.get(0).sessionId).isEqualTo(second);
            assertThat(typed.data.total).isEqualTo(total);
        }
    }

    @Test
    void chatAnswersWithCitationsTheModelsRead() throws Exception {
        Map<String, ?> response = sdk.chat(sessionId, "Must the flywheel guard stay closed?",
                List.of(Long.parseLong(manualTaskId)));
        Map<String, Object> item = object(envelope(response), "data");
        assertChatItem(item, "Must the flywheel guard stay closed?");

        ChatItem typed = body(response, ChatBody::new).data;
        assertThat(typed.answer).isEqualTo(item.get("answer"));
        ChatRefDocItem ref = typed.refDocList.get(0);
        assertThat(ref.docName).isEqualTo("pump-room.layout");
        assertThat(ref.docInfo.pages).isEqualTo(1L);
        ChatRefDocPageInfo page = ref.docInfo.pageListInfo.get(0);
        float scale = docChat.documents().imageScale();
        assertThat(page.pageIdCurDoc).isZero();
        assertThat(page.imageWidth).isEqualTo(Math.round(LaidOutTextParser.PAGE_WIDTH * scale));
        assertThat(page.imageHeight).isEqualTo(Math.round(LaidOutTextParser.PAGE_HEIGHT * scale));
        assertThat(ref.pageNum.get(0).num).isEqualTo(1);
        assertThat(ref.pageNum.get(0).pos).isNotEmpty().allSatisfy(polygon -> assertThat(polygon).hasSize(4));
        int flywheelTop = Math.round(LaidOutTextParser.lineBox(2).y() * scale);
        assertThat(ref.pageNum.get(0).pos).anySatisfy(polygon -> assertThat(polygon.get(0).y).isEqualTo(flywheelTop));
    }

    @Test
    void chatStreamAsOneJsonDocumentParsesLikeChat() throws Exception {
        Map<String, ?> response = sdk.chatStreamAsJson(sessionId, "Where is the emergency stop button?");
        Map<String, Object> item = object(envelope(response), "data");
        assertChatItem(item, "Where is the emergency stop button?");
        assertThat(string(item, "status")).isEqualTo("COMPLETED");
        assertThat(body(response, ChatBody::new).data.refDocList).isNotEmpty();
    }

    @Test
    void chatStreamEventsReadOffTheRuntimesConnection() throws Exception {
        String question = "Whom do I tell about oil leaks?";
        List<JsonNode> events = EventStreamEvents.read(sdk.chatStreamEvents(sessionId, question));
        assertThat(events.size()).isGreaterThanOrEqualTo(3);

        JsonNode first = events.get(0).get("data");
        assertThat(first.get("question").asText()).isEqualTo(question);
        assertThat(first.get("answer").asText()).isEmpty();
        assertThat(first.get("createTime").isIntegralNumber()).isTrue();
        assertThat(first.get("folderId").isTextual()).isTrue();
        assertThat(first.get("refDocList").isArray()).isTrue();
        assertThat(first.get("refDocList")).isNotEmpty();
        JsonNode last = events.get(events.size() - 1).get("data");
        assertThat(last.get("answer").asText()).isEmpty();
        assertThat(last.get("status").asText()).isEqualTo("COMPLETED");

        StringBuilder answer = new StringBuilder();
        for (JsonNode event : events.subList(1, events.size() - 1)) {
            assertThat(event.get("data").get("answer").isTextual()).isTrue();
            answer.append(event.get("data").get("answer").asText());
        }
        assertThat(answer.toString()).contains("shift supervisor");

        // The answer put together from the deltas is the one stored in the history.
        ChatListBody history = body(sdk.getChatList(sessionId, 1, 100), ChatListBody::new);
        ChatItem stored = history.data.chatList.stream().filter(chat -> question.equals(chat.question))
                .findFirst().orElseThrow();
        assertThat(stored.answer).isEqualTo(answer.toString());
    }

    @Test
    void chatListPagesTheHistoryOldestFirst() throws Exception {
        String session = body(sdk.createChatSession(topFolderId, "history"), CreateSessionBody::new)
                .data.sessionId;
        sdk.chat(session, "Must the flywheel guard stay closed?", null);
        sdk.chat(session, "Where is the emergency stop button?", null);
        sdk.chat(session, "What do I wear near running pumps?", null);

        for (List<Object> paging : List.<List<Object>>of(List.of(1, 2), List.of("2", "2"))) {
            Map<String, ?> response = sdk.getChatList(session, paging.get(0), paging.get(1));
            Map<String, Object> data = object(envelope(response), "data");
            assertThat(integer(data, "total")).isEqualTo(3);
            assertThat(integer(data, "totalPage")).isEqualTo(2);
            assertThat(integer(data, "pageSize")).isEqualTo(2);
            long page = integer(data, "currentPage");
            List<Object> chats = list(data, "chatList");
            assertThat(chats).hasSize(page == 1 ? 2 : 1);
            for (Object chat : chats) {
                assertChatItem(asObject(chat, "ChatItem"), null);
            }
            List<String> questions = body(response, ChatListBody::new).data.chatList.stream()
                    .map(chat -> chat.question).toList();
            assertThat(questions).isEqualTo(page == 1
                    ? List.of("Must the flywheel guard stay closed?", "Where is the emergency stop button?")
                    : List.of("What do I wear near running pumps?"));
        }
    }

    @Test
    void retrieveReturnsChunkItems() throws Exception {
        Map<String, ?> response = sdk.retrieve("flywheel guard", List.of(topFolderId), 3);
        Map<String, Object> data = object(envelope(response), "data");
        assertThat(string(data, "jobId")).isNotBlank();
        List<Object> results = list(data, "results");
        assertThat(results).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        Map<String, Object> chunk = asObject(results.get(0), "ChunkItem");
        assertThat(string(chunk, "chunkId")).isNotBlank();
        assertThat(string(chunk, "chunkContent")).contains("flywheel");
        assertThat(string(chunk, "docId")).isEqualTo(manualTaskId);
        assertThat(string(chunk, "docName")).isEqualTo("pump-room.layout");
        assertThat(string(chunk, "docUrl")).startsWith(server.baseUri().toString());
        assertThat(list(chunk, "docElsIds")).isNotEmpty().allSatisfy(id -> assertThat(id).isInstanceOf(String.class));
        assertThat(number(chunk, "score")).isPositive();
        number(chunk, "rerankScore");
        number(chunk, "weightedScore");

        ChunkItem typed = body(response, RetrieveBody::new).data.results.get(0);
        assertThat(typed.docId).isEqualTo(manualTaskId);
        assertThat(typed.score).isPositive();
    }

    @Test
    void deletingADocumentThenItsFolderAnswersTrue() throws Exception {
        String folder = body(sdk.addFolder("to delete", "0"), AddFolderBody::new).data.folderId;
        String taskId = upload(folder, "short-lived.layout", "A document that is about to go away.");

        TeaException notEmpty = teaError(() -> sdk.deleteFolder(folder));
        assertError(notEmpty, 409, "FolderNotEmpty");

        Map<String, ?> deleted = sdk.deleteDocument(taskId);
        assertThat(bool(envelope(deleted), "data")).isTrue();
        assertThat(body(deleted, BooleanBody::new).data).isTrue();
        assertError(teaError(() -> sdk.detailDocument(taskId)), 404, "DocumentNotFound");

        Map<String, ?> folderDeleted = sdk.deleteFolder(folder);
        assertThat(bool(envelope(folderDeleted), "data")).isTrue();
        assertThat(body(folderDeleted, BooleanBody::new).data).isTrue();
        assertError(teaError(() -> sdk.deleteFolder(folder)), 404, "FolderNotFound");
    }

    @Test
    void bearerTokenCredentialIsAccepted() throws Exception {
        AidocRuntimeClient bearer = AidocRuntimeClient.withBearerToken(server.baseUri(), BEARER_TOKEN);
        FolderListBody folders = body(bearer.getChatFolderList(), FolderListBody::new);
        assertThat(folders.data).extracting(folder -> folder.folderId).contains(topFolderId);
        ChatItem answer = body(bearer.chat(sessionId, "What do I wear near running pumps?", null), ChatBody::new)
                .data;
        assertThat(answer.answer).contains("ear protection");

        AidocRuntimeClient unknown = AidocRuntimeClient.withBearerToken(server.baseUri(), "not-a-token");
        assertError(teaError(unknown::getChatFolderList), 401, "InvalidAccessKeyId.NotFound");
    }

    @Test
    void errorsSurfaceAsTeaExceptionsWithTheApiCodeAndStatus() throws Exception {
        assertError(teaError(() -> sdk.chat("no-such-session", "Anyone there?", null)), 404, "SessionNotFound");
        assertError(teaError(() -> sdk.chat(sessionId, null, null)), 400, "MissingParameter.Question");
        assertError(teaError(() -> sdk.chatStreamAsJson(sessionId, "  ")), 400, "MissingParameter.Question");
        assertError(teaError(() -> sdk.getChatList(sessionId, 1, 101)), 400, "InvalidParameter.PageSize");
        assertError(teaError(() -> sdk.getChatSessionList("0", "10", null)), 400, "InvalidParameter.CurrentPage");
        assertError(teaError(() -> sdk.detailDocument("999999")), 404, "DocumentNotFound");
        assertError(teaError(() -> sdk.addFolder("orphan", "ffffffffffffffffffffffffffffffff")), 404,
                "FolderNotFound");

        AidocRuntimeClient wrongSecret = AidocRuntimeClient.withAccessKey(server.baseUri(), ACCESS_KEY_ID,
                "not-the-secret");
        assertError(teaError(wrongSecret::getChatFolderList), 403, "SignatureDoesNotMatch");
        AidocRuntimeClient unknownKey = AidocRuntimeClient.withAccessKey(server.baseUri(), "LTAIunknown",
                ACCESS_KEY_SECRET);
        assertError(teaError(unknownKey::getChatFolderList), 401, "InvalidAccessKeyId.NotFound");
    }

    /**
     * The runtime's HTTP client writes a whole body before it reads the answer, so a body far over the limit must
     * still be answered 413, not met with a reset connection.
     */
    @Test
    void bodiesFarOverTheLimitGetTheirPayloadTooLargeError() throws Exception {
        HttpServerConfig small = HttpServerConfig.defaults().withPort(0)
                .withMaxBodyBytes(4 * 1024).withMaxUploadBytes(64 * 1024);
        try (DocChatHttpServer limited = DocChatHttpServer.start(docChat, small)) {
            AidocRuntimeClient client = AidocRuntimeClient.withAccessKey(limited.baseUri(), ACCESS_KEY_ID,
                    ACCESS_KEY_SECRET);
            assertError(teaError(() -> client.submitDocParsingTask("big.layout", manualFolderId,
                    new byte[8 * 1024 * 1024])), 413, "PayloadTooLarge");
            assertError(teaError(() -> client.chat(sessionId, "x".repeat(2 * 1024 * 1024), null)), 413,
                    "PayloadTooLarge");
            // The refusals left the server able to answer the same client.
            assertThat(body(client.getChatFolderList(), FolderListBody::new).data).isNotEmpty();
        }
    }

    /** A request refused before its body is read must also be answered, not reset, while the client writes. */
    @Test
    void largeUploadWithAnUnknownKeyGetsTheAuthenticationError() throws Exception {
        AidocRuntimeClient unknownKey = AidocRuntimeClient.withAccessKey(server.baseUri(), "LTAIunknown",
                ACCESS_KEY_SECRET);
        assertError(teaError(() -> unknownKey.submitDocParsingTask("big.layout", manualFolderId,
                new byte[8 * 1024 * 1024])), 401, "InvalidAccessKeyId.NotFound");
        assertThat(body(sdk.getChatFolderList(), FolderListBody::new).data).isNotEmpty();
    }

    /** The checks every ChatItem must pass, from Chat, ChatStream as JSON, or GetChatList. */
    private static void assertChatItem(Map<String, Object> item, String question) {
        if (question != null) {
            assertThat(string(item, "question")).isEqualTo(question);
        }
        assertThat(string(item, "answer")).isNotBlank();
        assertThat(integer(item, "createTime")).isPositive();
        assertThat(string(item, "folderName")).isNotBlank();
        string(item, "folderId");
        List<Object> refs = list(item, "refDocList");
        assertThat(refs).isNotEmpty();
        for (Object refNode : refs) {
            Map<String, Object> ref = asObject(refNode, "ChatRefDocItem");
            assertThat(string(ref, "docName")).isEqualTo("pump-room.layout");
            assertThat(string(ref, "originDocName")).isEqualTo("pump-room.layout");
            assertThat(string(ref, "docUrl")).startsWith("http");
            assertThat(string(ref, "originDocUrl")).startsWith("http");
            assertThat(string(ref, "sourceType")).isEqualTo("doc");
            Map<String, Object> docInfo = object(ref, "docInfo");
            assertThat(integer(docInfo, "pages")).isEqualTo(1);
            for (Object pageNode : list(docInfo, "pageListInfo")) {
                Map<String, Object> page = asObject(pageNode, "ChatRefDocPageInfo");
                assertThat(integer(page, "pageIdCurDoc")).isZero();
                assertThat(string(page, "imageUrl")).startsWith("http");
                assertThat(integer(page, "imageWidth")).isPositive();
                assertThat(integer(page, "imageHeight")).isPositive();
                number(page, "angle");
                stringOrNull(page, "pdfParseResult");
                stringOrNull(page, "wordParseResult");
                stringOrNull(page, "excelParseResult");
            }
            List<Object> pageNums = list(ref, "pageNum");
            assertThat(pageNums).isNotEmpty();
            for (Object pageNumNode : pageNums) {
                Map<String, Object> pageNum = asObject(pageNumNode, "ChatDocumentPageNum");
                assertThat(integer(pageNum, "num")).isEqualTo(1);
                for (Object polygon : list(pageNum, "pos")) {
                    List<Object> corners = asList(polygon, "pos[]");
                    assertThat(corners).hasSize(4);
                    for (Object corner : corners) {
                        Map<String, Object> point = asObject(corner, "ChatRefDocPostion");
                        assertThat(integer(point, "x")).isNotNegative();
                        assertThat(integer(point, "y")).isNotNegative();
                    }
                }
            }
        }
    }

    /** The success envelope: HTTP 200, {@code requestId} a string, and the runtime's response head filled. */
    private static Map<String, Object> envelope(Map<String, ?> response) throws Exception {
        ResponseHead head = TeaModel.toModel(response, new ResponseHead());
        assertThat(head.statusCode).isEqualTo(200);
        assertThat(head.headers).containsKey("x-acs-request-id");
        Map<String, Object> body = asObject(response.get("body"), "response body");
        assertThat(string(body, "requestId")).isEqualTo(head.headers.get("x-acs-request-id"));
        assertThat(body).containsKey("data");
        return body;
    }

    /** Maps the body into a generated-style model the way the generated client does. */
    private static <T extends TeaModel> T body(Map<String, ?> response, Supplier<T> model) throws Exception {
        return TeaModel.toModel(asObject(response.get("body"), "response body"), model.get());
    }

    private String upload(String folderId, String fileName, String text) throws Exception {
        Map<String, ?> response = sdk.submitDocParsingTask(fileName, folderId, text.getBytes(StandardCharsets.UTF_8));
        String taskId = string(object(envelope(response), "data"), "taskId");
        assertThat(taskId).matches("\\d+");
        assertThat(body(response, SubmitBody::new).data.taskId).isEqualTo(taskId);
        docChat.documents().awaitProcessed(ACCOUNT, Long.parseLong(taskId), Duration.ofSeconds(30));
        return taskId;
    }

    /** A call that must fail with the runtime's exception for an error response. */
    private static TeaException teaError(RuntimeCall call) {
        Throwable error = catchThrowable(call::run);
        assertThat(error).as("the runtime raises TeaException").isInstanceOf(TeaException.class);
        return (TeaException) error;
    }

    private static void assertError(TeaException error, int status, String code) {
        assertThat(error.getCode()).isEqualTo(code);
        assertThat(error.getData()).as("error data").isNotNull();
        assertThat(((Number) error.getData().get("statusCode")).intValue()).isEqualTo(status);
        assertThat(error.getData().get("RequestId")).isInstanceOf(String.class);
        assertThat(error.getData().get("Message")).isInstanceOf(String.class);
        assertThat(error.getMessage()).contains("code: " + status).contains((String) error.getData().get("Message"));
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** One call through the runtime. */
    @FunctionalInterface
    private interface RuntimeCall {
        Object run() throws Exception;
    }
}
