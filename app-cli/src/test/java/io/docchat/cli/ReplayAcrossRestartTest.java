package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaRequest;
import io.docchat.core.DocChat;
import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.http.DocChatHttpServer;
import io.docchat.http.HttpServerConfig;
import io.docchat.sqlite.SqliteDatabase;
import io.docchat.sqlite.SqliteStorage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed request replayed after the server restarted on the same database file is still refused. */
class ReplayAcrossRestartTest {
    private static final String KEY_ID = "AKreplay";
    private static final String SECRET = "replay-secret-0123456789";
    private static final String PATH = "/api/v2/aidoc/document/chat/folder/list";

    @TempDir
    Path temp;

    @Test
    void aRequestReplayedAfterARestartGetsSignatureNonceUsed() throws Exception {
        Path database = temp.resolve("docchat.db");
        try (SqliteDatabase db = SqliteDatabase.open(database)) {
            db.accountStore().insertAccount(new Account("acme", "Acme", Instant.now()));
            db.accountStore().insertAccessKey(new AccessKey(KEY_ID, "acme", SECRET, Instant.now()));
        }
        Map<String, String> signed = signedHeaders();

        assertThat(sendOnFreshServer(database, signed).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = sendOnFreshServer(database, signed);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(403);
        assertThat(replay.body()).contains("SignatureNonceUsed");
    }

    /** Opens the database, starts a server on it, sends the request once, and stops everything again. */
    private static HttpResponse<String> sendOnFreshServer(Path database, Map<String, String> headers) throws Exception {
        try (DocChat docChat = DocChat.builder().install(SqliteStorage.open(database)).build();
             DocChatHttpServer server = DocChatHttpServer.start(docChat,
                     HttpServerConfig.defaults().withPort(0))) {
            URI base = server.baseUri();
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(PATH))
                    .POST(HttpRequest.BodyPublishers.noBody());
            headers.forEach(request::header);
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The headers of a GetChatFolderList request as the SDK runtime signs it with the ROA scheme. */
    private static Map<String, String> signedHeaders() throws Exception {
        TeaRequest tea = new TeaRequest();
        tea.method = "POST";
        tea.pathname = PATH;
        tea.query = new HashMap<>();
        tea.headers = new HashMap<>(Map.of(
                "date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)),
                "accept", "application/json",
                "x-acs-signature-nonce", UUID.randomUUID().toString(),
                "x-acs-signature-method", "HMAC-SHA1",
                "x-acs-signature-version", "1.0",
                "x-acs-version", "2022-09-23",
                "x-acs-action", "GetChatFolderList"));
        String signature = com.aliyun.openapiutil.Client.getROASignature(
                com.aliyun.openapiutil.Client.getStringToSign(tea), SECRET);
        Map<String, String> headers = new HashMap<>(tea.headers);
        headers.put("Authorization", "acs " + KEY_ID + ":" + signature);
        return headers;
    }
}
