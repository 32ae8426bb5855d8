package io.docchat.http;

import static io.docchat.http.AuthMatrixTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.PageRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transport's own defences, over real sockets: the header-read deadline, connection caps, stalled readers and
 * the per-account cap on answers.
 */
class TransportLimitsTest {
    private static final String STREAM = "/api/v2/aidoc/document/chat/stream";
    private static final String CHAT = "/api/v2/aidoc/document/chat";

    @Test
    void aClientTricklingItsHeadersGetsA408AndIsClosed() throws Exception {
        try (TestServer server = new TestServer(b -> b, c -> c.withHeaderTimeout(Duration.ofMillis(300)), true);
             Socket socket = connect(server.server.baseUri())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /api/v2/aidoc/document/chat HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread trickler = new Thread(() -> {
                try {
                    // One header byte at a time, well inside the idle timeout: only the header deadline stops it.
                    for (int i = 0; i < 600; i++) {
                        out.write('X');
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException e) {
                    // Closed by the server: what this test expects.
                }
            });
            trickler.start();
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            trickler.interrupt();
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.json().get("Code").asText()).isEqualTo("RequestTimeout");
            assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aBodyThatStopsArrivingGetsA408WithTheErrorBody() throws Exception {
        try (TestServer server = new TestServer(b -> b, c -> c.withIdleTimeout(Duration.ofMillis(300)), false);
             Socket socket = connect(server.server.baseUri())) {
            socket.setSoTimeout(30_000);
            URI base = server.server.baseUri();
            socket.getOutputStream().write(("POST /api/v1/aidoc/folder/add HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"folderName\":")
                    .getBytes(StandardCharsets.US_ASCII));
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.json().get("Code").asText()).isEqualTo("RequestTimeout");
            assertThat(server.docChat.folders().tree("local")).isEmpty();
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedWithoutAWordAfterTheHeaderTimeout() throws Exception {
        try (TestServer server = new TestServer(b -> b, c -> c.withHeaderTimeout(Duration.ofMillis(300)), true);
             Socket socket = connect(server.server.baseUri())) {
            socket.setSoTimeout(30_000);
            // No 408: it could cross a request the client starts at that moment and be read as its answer.
            assertThat(socket.getInputStream().readAllBytes()).isEmpty();
        }
    }

    @Test
    void halfOpenConnectionsAndTricklersDoNotDelayOthers() throws Exception {
        try (TestServer server = new TestServer(b -> b, c -> c, true)) {
            URI base = server.server.baseUri();
            List<Socket> attackers = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    Socket socket = connect(base);
                    // Half of them send part of a request line and stop; the rest send nothing at all.
                    if (i % 2 == 0) {
                        socket.getOutputStream().write("POST /api/v2/aidoc/docu".getBytes(StandardCharsets.US_ASCII));
                    }
                    attackers.add(socket);
                }
                for (int i = 0; i < 5; i++) {
                    assertThat(server.acme().post("/api/v2/aidoc/document/chat/folder/list", "GetChatFolderList",
                            Map.of()).status()).isEqualTo(200);
                }
            } finally {
                for (Socket socket : attackers) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void connectionsOverThePerAddressCapGetA429AndAreClosed() throws Exception {
        try (TestServer server = new TestServer(b -> b, c -> c.withMaxConnectionsPerAddress(3), true)) {
            URI base = server.server.baseUri();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    held.add(connect(base));
                }
                // The first three are counted once the server has opened them; a request on each proves it.
                for (Socket socket : held) {
                    socket.setSoTimeout(30_000);
                    socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: " + base.getAuthority()
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
                }
                try (Socket fourth = connect(base)) {
                    fourth.setSoTimeout(30_000);
                    RawHttp.Answer answer = RawHttp.read(fourth.getInputStream());
                    assertThat(answer.status()).isEqualTo(429);
                    assertThat(answer.json().get("Code").asText()).isEqualTo("Throttling");
                    assertThat(answer.json().get("Message").asText()).contains("maxConnectionsPerAddress");
                    assertThat(answer.header("Retry-After")).isEqualTo(Integer.toString(ApiHandler.RETRY_AFTER_SECONDS));
                }
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void oneAccountCannotTakeEveryAnswerSlot() throws Exception {
        ByQuestionAnswerModel model = new ByQuestionAnswerModel(
                new PacedAnswerModel(100_000, Duration.ZERO, 16_384), new PacedAnswerModel(3, Duration.ZERO));
        try (TestServer server = new TestServer(b -> b.answerModel(model),
                c -> c.withMaxAnswersPerAccount(2).withMaxConcurrentStreams(8).withWriteTimeout(Duration.ofMinutes(5)),
                true)) {
            String acmeSession = session(server, server.acme());
            String otherSession = session(server, server.other());
            URI base = server.server.baseUri();
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    stalled.add(stalledStream(base, acmeSession));
                }
                ApiClient.Response third = server.acme().post(CHAT, "Chat",
                        Map.of("sessionId", acmeSession, "question", "How do I prime the pump?"));
                assertError(third, 429, "Throttling");
                assertThat(third.json().get("Message").asText()).contains("maxAnswersPerAccount");
                assertThat(third.headers().firstValue("Retry-After"))
                        .hasValue(Integer.toString(ApiException.ANSWER_RETRY_AFTER_SECONDS));

                ApiClient.Response other = server.other().post(CHAT, "Chat",
                        Map.of("sessionId", otherSession, "question", "How do I prime the pump?"));
                assertThat(other.data().get("status").asText()).isEqualTo("COMPLETED");
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aStalledReaderIsClosedAndItsSlotFreedAfterTheWriteTimeout() throws Exception {
        ByQuestionAnswerModel model = new ByQuestionAnswerModel(
                new PacedAnswerModel(100_000, Duration.ZERO, 16_384), new PacedAnswerModel(3, Duration.ZERO));
        try (TestServer server = new TestServer(b -> b.answerModel(model),
                c -> c.withMaxAnswersPerAccount(1).withWriteTimeout(Duration.ofMillis(300)), true)) {
            String acmeSession = session(server, server.acme());
            try (Socket stalled = stalledStream(server.server.baseUri(), acmeSession)) {
                // Not reading: the answer ends only because the server gives up on this client.
                ChatItem stored = awaitFirstItem(server.docChat, acmeSession);
                assertThat(stored.status()).isEqualTo(ChatStatus.INTERRUPTED);
                // And it closed the connection: what it had sent is followed by end-of-stream or a reset.
                stalled.setSoTimeout(60_000);
                drainUntilClosed(stalled.getInputStream());
            }
            ApiClient.Response again = awaitNotThrottled(server.acme(), acmeSession);
            assertThat(again.data().get("status").asText()).isEqualTo("COMPLETED");
        }
    }

    /** Opens a ChatStream with a bearer token over a raw socket, reads the status line, and then reads no more. */
    private static Socket stalledStream(URI base, String sessionId) throws IOException {
        byte[] body = ApiClient.JSON.writeValueAsBytes(Map.of("sessionId", sessionId, "question", "stall: how do I prime the pump?"));
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + STREAM + " HTTP/1.1\r\nHost: " + base.getAuthority()
                + "\r\nx-acs-bearer-token: " + TestServer.ACME_TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        byte[] statusLine = socket.getInputStream().readNBytes(12);
        assertThat(new String(statusLine, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        return socket;
    }

    /** Returns once the server has closed the connection; a read timeout (still open) fails the test. */
    private static void drainUntilClosed(InputStream in) throws IOException {
        byte[] buffer = new byte[65_536];
        try {
            while (in.read(buffer) != -1) {
                // Keep reading what was buffered before the close.
            }
        } catch (SocketException e) {
            // A reset is a close too.
        }
    }

    private static ApiClient.Response awaitNotThrottled(ApiClient client, String sessionId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ApiClient.Response response;
        do {
            response = client.post(CHAT, "Chat", Map.of("sessionId", sessionId, "question", "How do I prime?"));
            if (response.status() != 429) {
                return response;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the stalled answer's slot was never freed: " + response.body());
    }

    private static ChatItem awaitFirstItem(DocChat docChat, String sessionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<ChatItem> items = docChat.chat().history("acme", sessionId, PageRequest.first(10)).items();
            // An answer is listed as soon as it starts (ANSWERING); what counts is how it ended.
            if (!items.isEmpty() && items.get(0).status().isFinal()) {
                return items.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no finished chat item was stored");
    }

    private static String session(TestServer server, ApiClient client) throws Exception {
        String folderId = client.post("/api/v1/aidoc/folder/add", "AddFolder",
                Map.of("folderName", "pumps", "parentFolderId", "0")).data().get("folderId").asText();
        ApiClient.Call upload = new ApiClient.Call("/api/v2/aidoc/document/submitDocParsingTask",
                "SubmitDocParsingTask");
        upload.query.put("fileName", "pump.txt");
        upload.query.put("folderId", folderId);
        upload.body = "Prime the pump before first use by filling the housing with water."
                .getBytes(StandardCharsets.UTF_8);
        upload.contentType = "application/octet-stream";
        String taskId = client.send(upload).data().get("taskId").asText();
        awaitParsed(client, taskId);
        return client.post("/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", "s")).data().get("sessionId").asText();
    }

    private static void awaitParsed(ApiClient client, String taskId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ApiClient.Call detail = new ApiClient.Call("/api/v1/aidoc/document/detail", "DetailDocument");
            detail.method = "GET";
            detail.query.put("taskId", taskId);
            if (client.send(detail).data().get("jobStatus").asText().equals("PARSING_COMPLETED")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the document was never parsed");
    }

    private static Socket connect(URI base) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        return socket;
    }
}
