package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.PageRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client disconnects, graceful shutdown and the concurrency limit, with an answer model that takes its time. */
class StreamLifecycleTest {
    private static final String STREAM = "/api/v2/aidoc/document/chat/stream";

    /** A local-mode server over a real DocChat whose model writes {@code deltas} words, one per {@code interval}. */
    private static TestServer server(PacedAnswerModel model, Duration grace, int maxStreams) {
        return new TestServer(b -> b.answerModel(model),
                c -> c.withShutdownGrace(grace).withMaxConcurrentStreams(maxStreams), false);
    }

    private static String session(DocChat docChat) {
        String folderId = docChat.folders().create(Account.LOCAL, null, "pumps").id();
        long id = docChat.documents().submit(Account.LOCAL, folderId, "pump.txt",
                "Prime the pump before first use by filling the housing with water.".getBytes(StandardCharsets.UTF_8))
                .id();
        docChat.documents().awaitProcessed(Account.LOCAL, id, Duration.ofSeconds(30));
        return docChat.sessions().create(Account.LOCAL, folderId, "s", null).id();
    }

    private static ChatItem awaitStored(DocChat docChat, String sessionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<ChatItem> items = docChat.chat().history(Account.LOCAL, sessionId, PageRequest.first(10)).items();
            // An answer is listed as soon as it starts (ANSWERING); what counts is how it ended.
            if (!items.isEmpty() && items.get(0).status().isFinal()) {
                return items.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no finished chat item was stored");
    }

    @Test
    void aClientThatGoesAwayLeavesAnInterruptedPartialAnswer() throws Exception {
        PacedAnswerModel model = new PacedAnswerModel(2_000, Duration.ofMillis(10));
        try (TestServer server = server(model, Duration.ofSeconds(5), 8)) {
            String sessionId = session(server.docChat);
            URI base = server.server.baseUri();
            byte[] body = ApiClient.JSON.writeValueAsBytes(Map.of("sessionId", sessionId, "question", "How to prime?"));
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + STREAM + " HTTP/1.1\r\nHost: " + base.getAuthority()
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                InputStream in = socket.getInputStream();
                String received = "";
                while (!received.contains("\"w2 \"")) {
                    int b = in.read();
                    assertThat(b).isNotEqualTo(-1);
                    received += (char) b;
                }
                assertThat(received).startsWith("HTTP/1.1 200");
            }
            ChatItem stored = awaitStored(server.docChat, sessionId);
            assertThat(stored.status()).isEqualTo(ChatStatus.INTERRUPTED);
            assertThat(stored.answer()).startsWith("w0 w1 w2 ");
            assertThat(model.fullAnswer()).startsWith(stored.answer());
            assertThat(stored.answer().length()).isLessThan(model.fullAnswer().length());
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffAfterTheIdleTimeout() throws Exception {
        // 100,000 deltas of 16 KiB: far more than any socket buffer holds, so the server's writes must block.
        PacedAnswerModel model = new PacedAnswerModel(100_000, Duration.ZERO, 16_384);
        try (TestServer server = new TestServer(b -> b.answerModel(model),
                c -> c.withWriteTimeout(Duration.ofMillis(300)).withShutdownGrace(Duration.ZERO), false)) {
            String sessionId = session(server.docChat);
            URI base = server.server.baseUri();
            byte[] body = ApiClient.JSON.writeValueAsBytes(Map.of("sessionId", sessionId, "question", "How to prime?"));
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(4096);
                socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + STREAM + " HTTP/1.1\r\nHost: " + base.getAuthority()
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                // Never read: the server's writes block once the socket buffers are full.
                ChatItem stored = awaitStored(server.docChat, sessionId);
                assertThat(stored.status()).isEqualTo(ChatStatus.INTERRUPTED);
                assertThat(stored.answer()).startsWith("w0 ");
                assertThat(stored.answer().length()).isLessThan(64 * 1024 * 1024);
            }
        }
    }

    @Test
    void closingTheServerInterruptsAnswersStillRunningAfterTheGracePeriod() throws Exception {
        PacedAnswerModel model = new PacedAnswerModel(100_000, Duration.ofMillis(10));
        TestServer server = server(model, Duration.ofMillis(300), 8);
        String sessionId = session(server.docChat);
        HttpResponse<InputStream> response = ApiClient.anonymous(server.server.baseUri()).open(
                new ApiClient.Call(STREAM, "ChatStream").json(Map.of("sessionId", sessionId, "question", "prime?")));
        StrictSse events = new StrictSse(response.body());
        assertThat(events.next().data().get("data").get("refDocList")).isNotEmpty();
        server.server.close();
        ChatItem stored = awaitStored(server.docChat, sessionId);
        assertThat(stored.status()).isEqualTo(ChatStatus.INTERRUPTED);
        assertThat(stored.answer().length()).isLessThan(model.fullAnswer().length());
        response.body().close();
        server.docChat.close();
    }

    @Test
    void closingTheServerLetsShortAnswersFinish() throws Exception {
        PacedAnswerModel model = new PacedAnswerModel(30, Duration.ofMillis(20));
        TestServer server = server(model, Duration.ofSeconds(20), 8);
        String sessionId = session(server.docChat);
        HttpResponse<InputStream> response = ApiClient.anonymous(server.server.baseUri()).open(
                new ApiClient.Call(STREAM, "ChatStream").json(Map.of("sessionId", sessionId, "question", "prime?")));
        StrictSse events = new StrictSse(response.body());
        events.next();
        server.server.close();
        StrictSse.Event event;
        JsonNode last = null;
        while ((event = events.next()) != null) {
            last = event.data().get("data");
        }
        assertThat(last.get("status").asText()).isEqualTo("COMPLETED");
        ChatItem stored = awaitStored(server.docChat, sessionId);
        assertThat(stored.status()).isEqualTo(ChatStatus.COMPLETED);
        assertThat(stored.answer()).isEqualTo(model.fullAnswer());
        server.docChat.close();
    }

    @Test
    void answersBeyondTheConcurrencyLimitAreThrottled() throws Exception {
        PacedAnswerModel model = new PacedAnswerModel(100_000, Duration.ofMillis(10));
        try (TestServer server = server(model, Duration.ZERO, 1)) {
            String sessionId = session(server.docChat);
            ApiClient client = ApiClient.anonymous(server.server.baseUri());
            HttpResponse<InputStream> first = client.open(
                    new ApiClient.Call(STREAM, "ChatStream").json(Map.of("sessionId", sessionId, "question", "How do I prime the pump?")));
            new StrictSse(first.body()).next();
            ApiClient.Response second = client.send(
                    new ApiClient.Call(STREAM, "ChatStream").json(Map.of("sessionId", sessionId, "question", "How do I prime the pump?")));
            AuthMatrixTest.assertError(second, 429, "Throttling");
            first.body().close();
        }
    }
}
