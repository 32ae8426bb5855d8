package io.docchat.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.QaTurn;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiAnswerModelTest {
    private FakeOpenAiServer server;
    private OpenAiAnswerModel model;

    @AfterEach
    void tearDown() {
        if (model != null) {
            model.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private OpenAiAnswerModel model(FakeOpenAiServer.Script script, boolean keepMarkers) throws Exception {
        server = new FakeOpenAiServer(script);
        model = new OpenAiAnswerModel(OpenAiConfig.builder()
                .baseUrl(server.baseUrl())
                .apiKey("sk-test")
                .model("qwen-plus")
                .readTimeout(Duration.ofMillis(700))
                .initialBackoff(Duration.ofMillis(10))
                .maxRetries(2)
                .keepCitationMarkers(keepMarkers)
                .build());
        return model;
    }

    private static List<String> drain(AnswerStream stream) {
        List<String> deltas = new ArrayList<>();
        for (String d = stream.nextDelta(); d != null; d = stream.nextDelta()) {
            deltas.add(d);
        }
        return deltas;
    }

    @Test
    void streamsDeltasAndCitesThePassagesItsMarkersName() throws Exception {
        model(FakeOpenAiServer.streaming("The maximum flow ", "rate is 30 m³/h [", "1", "]. It costs ", "1,200 euros [2]."),
                true);
        try (AnswerStream stream = model.answer(Prompts.pumpPrompt())) {
            List<String> deltas = drain(stream);
            assertThat(String.join("", deltas))
                    .isEqualTo("The maximum flow rate is 30 m³/h [1]. It costs 1,200 euros [2].");
            assertThat(deltas.size()).isGreaterThan(2);
            assertThat(stream.citations()).extracting(CitedSpan::passageNumber).containsExactly(1, 2);
            assertThat(stream.citations().get(0).end())
                    .isEqualTo(Prompts.pumpPrompt().passages().get(0).passage().text().length());
            assertThat(stream.citationsKnownUpFront()).isFalse();
            assertThat(((OpenAiAnswerStream) stream).usage()).isEqualTo(new TokenUsage(120, 5, 125));
            assertThat(((OpenAiAnswerStream) stream).finishReason()).isEqualTo("stop");
        }
    }

    @Test
    void stripsMarkersFromTheVisibleAnswerWhenAskedButStillCites() throws Exception {
        model(FakeOpenAiServer.streaming("Flow is 30 m³/h [1", "]; price [2, 9]; see [x] too."), false);
        try (AnswerStream stream = model.answer(Prompts.pumpPrompt())) {
            assertThat(String.join("", drain(stream))).isEqualTo("Flow is 30 m³/h ; price ; see [x] too.");
            assertThat(stream.citations()).extracting(CitedSpan::passageNumber).containsExactly(1, 2);
        }
    }

    @Test
    void sendsTheModelTheNumberedPassagesTheHistoryAndTheSettings() throws Exception {
        model(FakeOpenAiServer.streaming("ok"), true);
        var prompt = Prompts.withPassages("And its price?", List.of(new QaTurn("What is the ZX-9?", "A pump [1].")),
                "The ZX-9 pump costs 1,200 euros.");
        try (AnswerStream stream = model.answer(prompt)) {
            drain(stream);
        }
        JsonNode body = new ObjectMapper().readTree(server.requestBodies().get(0));
        assertThat(body.path("model").asText()).isEqualTo("qwen-plus");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        JsonNode messages = body.path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).contains("[1]").contains(ChatItem.NO_RELATED_CONTENT);
        assertThat(messages.get(1).path("content").asText()).isEqualTo("What is the ZX-9?");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        String last = messages.get(3).path("content").asText();
        assertThat(last).contains("[1] (manual-1.pdf, page 1)").contains("1,200 euros").endsWith("Question: And its price?");
        assertThat(server.authorizations()).containsExactly("Bearer sk-test");
    }

    @Test
    void historyBeyondTheBudgetIsLeftOutOldestFirst() {
        PromptBuilder builder = new PromptBuilder(60);
        var prompt = Prompts.withPassages("q3?", List.of(
                new QaTurn("first question here", "first answer here, quite long indeed"),
                new QaTurn("second q", "second a")), "text");
        List<ChatMessage> messages = builder.messages(prompt);
        assertThat(messages).extracting(ChatMessage::content).doesNotContain("first question here").contains("second q");
    }

    @Test
    void anUnauthorizedKeyIsModelUnavailableAtOnceWithoutRetrying() throws Exception {
        model(FakeOpenAiServer.status(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"), true);
        assertThatThrownBy(() -> model.answer(Prompts.pumpPrompt()))
                .isInstanceOf(DocChatException.class)
                .satisfies(e -> assertThat(((DocChatException) e).code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE))
                .hasMessageContaining("API key").hasMessageContaining("Incorrect API key provided");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void rateLimitingIsRetriedUntilTheBackendAccepts() throws Exception {
        FakeOpenAiServer.Script ok = FakeOpenAiServer.streaming("Fine [1].");
        model((exchange, n) -> {
            if (n == 1) {
                exchange.getResponseHeaders().set("Retry-After", "0");
                FakeOpenAiServer.status(429, "{\"error\":{\"message\":\"slow down\"}}").respond(exchange, n);
            } else {
                ok.respond(exchange, n);
            }
        }, true);
        try (AnswerStream stream = model.answer(Prompts.pumpPrompt())) {
            assertThat(String.join("", drain(stream))).isEqualTo("Fine [1].");
        }
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedThenReportedAsModelUnavailable() throws Exception {
        model(FakeOpenAiServer.status(500, "{\"error\":{\"message\":\"boom\"}}"), true);
        assertThatThrownBy(() -> model.answer(Prompts.pumpPrompt()))
                .isInstanceOf(DocChatException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("boom");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void anUnreachableBackendIsModelUnavailable() {
        model = new OpenAiAnswerModel(OpenAiConfig.builder().baseUrl("http://127.0.0.1:1/v1").model("m")
                .maxRetries(1).initialBackoff(Duration.ofMillis(5)).build());
        assertThatThrownBy(() -> model.answer(Prompts.pumpPrompt()))
                .isInstanceOf(DocChatException.class)
                .satisfies(e -> assertThat(((DocChatException) e).code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE))
                .hasMessageContaining("cannot reach the model");
    }

    @Test
    void aBackendThatStallsMidAnswerFailsAfterTheReadTimeout() throws Exception {
        model((exchange, n) -> {
            OutputStream out = FakeOpenAiServer.startEventStream(exchange);
            FakeOpenAiServer.event(out, FakeOpenAiServer.contentChunk("The flow "));
            Thread.sleep(5_000);
        }, true);
        try (AnswerStream stream = model.answer(Prompts.pumpPrompt())) {
            assertThat(stream.nextDelta()).isEqualTo("The flow ");
            long start = System.nanoTime();
            assertThatThrownBy(stream::nextDelta)
                    .isInstanceOf(DocChatException.class)
                    .hasMessageContaining("sent nothing");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aStreamThatEndsWithoutFinishingIsAFailure() throws Exception {
        model((exchange, n) -> {
            OutputStream out = FakeOpenAiServer.startEventStream(exchange);
            FakeOpenAiServer.event(out, FakeOpenAiServer.contentChunk("Half an ans"));
        }, true);
        try (AnswerStream stream = model.answer(Prompts.pumpPrompt())) {
            assertThat(stream.nextDelta()).isEqualTo("Half an ans");
            assertThatThrownBy(stream::nextDelta).isInstanceOf(DocChatException.class)
                    .hasMessageContaining("ended before the answer was complete");
        }
    }

    @Test
    void malformedChunksAreSkippedAndTheAnswerGoesOn() throws Exception {
        model((exchange, n) -> {
            OutputStream out = FakeOpenAiServer.startEventStream(exchange);
            FakeOpenAiServer.event(out, FakeOpenAiServer.contentChunk("Good "));
            FakeOpenAiServer.event(out, "{\"choices\":[{\"delta\":{\"content\":\"trunc");
            FakeOpenAiServer.event(out, "[1, 2, 3]");
            FakeOpenAiServer.event(out, "{\"choices\":[{\"delta\":{\"content\":null}}]}");
            FakeOpenAiServer.event(out, FakeOpenAiServer.contentChunk("answer [1]."));
            FakeOpenAiServer.event(out, FakeOpenAiServer.finishChunk("stop"));
            FakeOpenAiServer.event(out, "[DONE]");
        }, true);
        try (AnswerStream stream = model.answer(Prompts.pumpPrompt())) {
            assertThat(String.join("", drain(stream))).isEqualTo("Good answer [1].");
        }
    }

    @Test
    void anErrorObjectInTheStreamFailsTheAnswer() throws Exception {
        model((exchange, n) -> {
            OutputStream out = FakeOpenAiServer.startEventStream(exchange);
            FakeOpenAiServer.event(out, FakeOpenAiServer.contentChunk("Part"));
            FakeOpenAiServer.event(out, "{\"error\":{\"message\":\"context length exceeded\"}}");
        }, true);
        try (AnswerStream stream = model.answer(Prompts.pumpPrompt())) {
            assertThat(stream.nextDelta()).isEqualTo("Part");
            assertThatThrownBy(stream::nextDelta).hasMessageContaining("context length exceeded");
        }
    }

    @Test
    void aStreamEndingWithFinishReasonButNoDoneLineIsComplete() throws Exception {
        model((exchange, n) -> {
            OutputStream out = FakeOpenAiServer.startEventStream(exchange);
            FakeOpenAiServer.event(out, FakeOpenAiServer.contentChunk("Done [2]"));
            FakeOpenAiServer.event(out, FakeOpenAiServer.finishChunk("length"));
        }, true);
        try (AnswerStream stream = model.answer(Prompts.pumpPrompt())) {
            assertThat(drain(stream)).containsExactly("Done [2]");
            assertThat(stream.citations()).extracting(CitedSpan::passageNumber).containsExactly(2);
        }
    }

    @Test
    void sayingNothingWasFoundCitesNothing() throws Exception {
        model(FakeOpenAiServer.streaming("No related ", "content found."), true);
        try (AnswerStream stream = model.answer(Prompts.pumpPrompt())) {
            assertThat(String.join("", drain(stream))).isEqualTo(ChatItem.NO_RELATED_CONTENT);
            assertThat(stream.citations()).isEmpty();
        }
    }

    @Test
    void cancellingClosesTheConnectionAtOnce() throws Exception {
        CountDownLatch serverSawClose = new CountDownLatch(1);
        AtomicBoolean wroteAll = new AtomicBoolean();
        model((exchange, n) -> {
            OutputStream out = FakeOpenAiServer.startEventStream(exchange);
            try {
                for (int i = 0; i < 200; i++) {
                    FakeOpenAiServer.event(out, FakeOpenAiServer.contentChunk("w" + i + " "));
                    Thread.sleep(50);
                }
                wroteAll.set(true);
            } catch (java.io.IOException e) {
                serverSawClose.countDown();
            }
        }, true);
        AnswerStream stream = model.answer(Prompts.pumpPrompt());
        assertThat(stream.nextDelta()).isEqualTo("w0 ");
        CountDownLatch closed = new CountDownLatch(1);
        Thread canceller = new Thread(() -> {
            stream.close();
            closed.countDown();
        });
        canceller.start();
        assertThat(closed.await(2, TimeUnit.SECONDS)).isTrue();
        // Whatever was buffered may still come out, but the stream ends promptly.
        long start = System.nanoTime();
        while (stream.nextDelta() != null) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(serverSawClose.await(8, TimeUnit.SECONDS)).isTrue();
        assertThat(wroteAll).isFalse();
    }
}
