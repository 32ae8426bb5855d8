package io.docchat.http;

import static io.docchat.http.AuthMatrixTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Account;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseResult;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 429 of a limit on work in progress tells the client when to ask again ({@code Retry-After}, whole seconds) and
 * keeps the API's error body; other errors carry no {@code Retry-After}.
 */
class RetryAfterTest {
    private static final String STREAM = "/api/v2/aidoc/document/chat/stream";

    /** Holds every {@code .held} file until released, so that the ingestion backlog fills and stays full. */
    private static final class HeldParser implements DocumentParser {
        private final CountDownLatch release = new CountDownLatch(1);
        private final LaidOutTextParser inner = new LaidOutTextParser();

        @Override
        public boolean accepts(String fileName, byte[] content) {
            return fileName.endsWith(".held");
        }

        @Override
        public ParseResult parse(String fileName, byte[] content) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inner.parse(fileName, content);
        }
    }

    private static ApiClient.Response upload(ApiClient client, String folderId, String fileName) {
        ApiClient.Call call = new ApiClient.Call("/api/v2/aidoc/document/submitDocParsingTask", "SubmitDocParsingTask");
        call.query.put("fileName", fileName);
        call.query.put("folderId", folderId);
        call.body = ("The valve " + fileName + " opens at two bar.").getBytes(StandardCharsets.UTF_8);
        call.contentType = "application/octet-stream";
        return client.send(call);
    }

    private static void assertThrottledBody(ApiClient.Response response) {
        assertError(response, 429, "Throttling");
        List<String> fields = new ArrayList<>();
        response.json().fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("RequestId", "Code", "Message", "HostId");
    }

    @Test
    void aFullIngestionBacklogIsA429WithRetryAfter() {
        HeldParser parser = new HeldParser();
        try (TestServer server = new TestServer(b -> b.parser(parser).ingestThreads(1).ingestQueueCapacity(1),
                c -> c, false)) {
            try {
                String folderId = server.docChat.folders().create(Account.LOCAL, null, "valves").id();
                ApiClient client = ApiClient.anonymous(server.server.baseUri());
                ApiClient.Response refused = null;
                // One document is being parsed (held), one waits; the one after has no room. The parser thread may
                // not have taken the first yet, so a few more are tried before the backlog must be full.
                for (int i = 0; i < 5 && refused == null; i++) {
                    ApiClient.Response response = upload(client, folderId, "valve-" + i + ".held");
                    if (response.status() != 200) {
                        refused = response;
                    } else {
                        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
                    }
                }
                assertThat(refused).as("no upload was refused with the backlog full").isNotNull();
                assertThrottledBody(refused);
                assertThat(refused.json().get("Message").asText()).contains("try again later");
                assertThat(refused.headers().firstValue("Retry-After"))
                        .hasValue(Integer.toString(ApiException.INGEST_RETRY_AFTER_SECONDS));
            } finally {
                parser.release.countDown();
            }
        }
    }

    @Test
    void anAnswerOverTheConcurrencyLimitIsA429WithRetryAfter() throws Exception {
        PacedAnswerModel model = new PacedAnswerModel(100_000, Duration.ofMillis(10));
        try (TestServer server = new TestServer(b -> b.answerModel(model),
                c -> c.withShutdownGrace(Duration.ZERO).withMaxConcurrentStreams(1), false)) {
            String folderId = server.docChat.folders().create(Account.LOCAL, null, "pumps").id();
            long id = server.docChat.documents().submit(Account.LOCAL, folderId, "pump.txt",
                    "Prime the pump before first use.".getBytes(StandardCharsets.UTF_8)).id();
            server.docChat.documents().awaitProcessed(Account.LOCAL, id, Duration.ofSeconds(30));
            String sessionId = server.docChat.sessions().create(Account.LOCAL, folderId, "s", null).id();
            ApiClient client = ApiClient.anonymous(server.server.baseUri());
            Map<String, String> question = Map.of("sessionId", sessionId, "question", "How do I prime the pump?");
            ApiClient.Response unknown = client.send(new ApiClient.Call(STREAM, "ChatStream")
                    .json(Map.of("sessionId", "no-such-session", "question", "How do I prime the pump?")));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Retry-After")).isEmpty();
            HttpResponse<InputStream> first = client.open(new ApiClient.Call(STREAM, "ChatStream").json(question));
            try {
                new StrictSse(first.body()).next();
                ApiClient.Response second = client.send(new ApiClient.Call(STREAM, "ChatStream").json(question));
                assertThrottledBody(second);
                assertThat(second.headers().firstValue("Retry-After"))
                        .hasValue(Integer.toString(ApiException.ANSWER_RETRY_AFTER_SECONDS));
            } finally {
                first.body().close();
            }
        }
    }
}
