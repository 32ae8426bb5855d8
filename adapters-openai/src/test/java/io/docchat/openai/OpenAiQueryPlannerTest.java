package io.docchat.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.model.QaTurn;
import io.docchat.core.port.QueryPlanner;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiQueryPlannerTest {
    private static final QueryPlanner FALLBACK = (q, h) -> "fallback: " + q;
    private static final List<QaTurn> HISTORY = List.of(new QaTurn("What is the ZX-9 pump's flow rate?", "30 m³/h."));
    private FakeOpenAiServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private OpenAiQueryPlanner planner(FakeOpenAiServer.Script script) throws Exception {
        server = new FakeOpenAiServer(script);
        return new OpenAiQueryPlanner(OpenAiConfig.builder().baseUrl(server.baseUrl()).model("m")
                .initialBackoff(Duration.ofMillis(5)).maxRetries(0).build(), FALLBACK);
    }

    @Test
    void theModelRewritesAFollowUpIntoAStandaloneQuestion() throws Exception {
        OpenAiQueryPlanner planner = planner(FakeOpenAiServer.status(200,
                "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\" What is the price of the ZX-9 pump? \"}}]}"));
        assertThat(planner.standalone("And its price?", HISTORY)).isEqualTo("What is the price of the ZX-9 pump?");
        var body = new ObjectMapper().readTree(server.requestBodies().get(0));
        assertThat(body.path("stream").asBoolean()).isFalse();
        assertThat(body.path("messages").get(1).path("content").asText())
                .contains("ZX-9 pump's flow rate").contains("And its price?");
    }

    @Test
    void aFailingModelFallsBackToTheBuiltInPlanner() throws Exception {
        OpenAiQueryPlanner planner = planner(FakeOpenAiServer.status(503, "down"));
        assertThat(planner.standalone("And its price?", HISTORY)).isEqualTo("fallback: And its price?");
    }

    @Test
    void aQuestionWithoutHistoryIsNotSentToTheModel() throws Exception {
        OpenAiQueryPlanner planner = planner(FakeOpenAiServer.status(500, "unused"));
        assertThat(planner.standalone("What is the ZX-9?", List.of())).isEqualTo("What is the ZX-9?");
        assertThat(server.requestCount()).isZero();
    }
}
