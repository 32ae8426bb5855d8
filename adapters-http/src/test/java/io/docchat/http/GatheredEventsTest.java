package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Events that are ready together go out together, but never wait for events that are not: what a model has written
 * reaches the client while the model is still writing, whatever it said about being ready.
 */
class GatheredEventsTest {
    private static final String STREAM = "/api/v2/aidoc/document/chat/stream";

    /** Writes two deltas at once, then waits for {@link #release} before its last one. */
    static final class GatedModel implements AnswerModel {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public AnswerStream answer(AnswerPrompt prompt) {
            return new AnswerStream() {
                private final List<String> ready = new ArrayList<>(List.of("one ", "two "));
                private boolean last;

                @Override
                public String nextDelta() {
                    if (!ready.isEmpty()) {
                        return ready.remove(0);
                    }
                    if (last) {
                        return null;
                    }
                    try {
                        if (!release.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never released the model");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                    last = true;
                    return "three";
                }

                @Override
                public boolean deltaReady() {
                    return !ready.isEmpty();
                }

                @Override
                public List<CitedSpan> citations() {
                    return List.of(new CitedSpan(1, 0, prompt.passages().get(0).passage().text().length()));
                }

                @Override
                public boolean citationsKnownUpFront() {
                    return true;
                }

                @Override
                public void close() {
                    release.countDown();
                }
            };
        }
    }

    @Test
    void whatIsWrittenReachesTheClientBeforeTheModelWritesMore() throws Exception {
        GatedModel model = new GatedModel();
        try (TestServer server = new TestServer(b -> b.answerModel(model), c -> c, false)) {
            String sessionId = session(server.docChat);
            HttpResponse<InputStream> response = ApiClient.anonymous(server.server.baseUri()).open(
                    new ApiClient.Call(STREAM, "ChatStream").json(Map.of("sessionId", sessionId, "question",
                            "How is the pump primed?")));
            assertThat(response.statusCode()).isEqualTo(200);
            StrictSse events = new StrictSse(response.body());
            // The first three events while the model waits: gathered, they must still have been sent.
            List<String> firstAnswers = CompletableFuture.supplyAsync(() -> {
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    answers.add(events.next().data().get("data").get("answer").asText());
                }
                return answers;
            }).get(20, TimeUnit.SECONDS);
            assertThat(firstAnswers).containsExactly("", "one ", "two ");

            model.release.countDown();
            List<String> rest = new ArrayList<>();
            StrictSse.Event event;
            String status = null;
            while ((event = events.next()) != null) {
                rest.add(event.data().get("data").get("answer").asText());
                status = event.data().get("data").path("status").asText(null);
            }
            assertThat(rest).containsExactly("three", "");
            assertThat(status).isEqualTo("COMPLETED");
        }
    }

    @Test
    void anAnswerWrittenAtOnceArrivesWholeAndInOrder() throws Exception {
        try (TestServer server = new TestServer(b -> b, c -> c, false)) {
            String sessionId = session(server.docChat);
            HttpResponse<InputStream> response = ApiClient.anonymous(server.server.baseUri()).open(
                    new ApiClient.Call(STREAM, "ChatStream").json(Map.of("sessionId", sessionId, "question",
                            "How is the pump primed before first use?")));
            StrictSse events = new StrictSse(response.body());
            List<StrictSse.Event> all = new ArrayList<>();
            StrictSse.Event event;
            while ((event = events.next()) != null) {
                all.add(event);
            }
            assertThat(all.size()).as("started, several deltas, final").isGreaterThanOrEqualTo(4);
            StringBuilder deltas = new StringBuilder();
            for (StrictSse.Event e : all.subList(1, all.size() - 1)) {
                deltas.append(e.data().get("data").get("answer").asText());
            }
            String stored = server.docChat.chat().history(Account.LOCAL, sessionId,
                    io.docchat.core.model.PageRequest.first(1)).items().get(0).answer();
            assertThat(deltas.toString()).isEqualTo(stored).contains("filling the housing with water");
            assertThat(all.get(all.size() - 1).data().get("data").get("status").asText()).isEqualTo("COMPLETED");
        }
    }

    private static String session(DocChat docChat) {
        String folderId = docChat.folders().create(Account.LOCAL, null, "pumps").id();
        long id = docChat.documents().submit(Account.LOCAL, folderId, "pump.txt",
                ("Prime the pump before first use by filling the housing with water. The pump then runs dry for no "
                        + "more than ten seconds.").getBytes(StandardCharsets.UTF_8)).id();
        docChat.documents().awaitProcessed(Account.LOCAL, id, Duration.ofSeconds(30));
        return docChat.sessions().create(Account.LOCAL, folderId, "s", null).id();
    }
}
