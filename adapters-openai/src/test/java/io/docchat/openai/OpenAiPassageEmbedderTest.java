package io.docchat.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.contract.PassageEmbedderContract;
import io.docchat.core.port.Embedding;
import io.docchat.core.port.PassageEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The embedding contract over HTTP against a loopback server speaking the real wire format; then the failures. */
class OpenAiPassageEmbedderTest extends PassageEmbedderContract {
    private FakeEmbeddingsServer server;

    @Override
    protected PassageEmbedder create() {
        try {
            server = new FakeEmbeddingsServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OpenAiPassageEmbedder(OpenAiEmbeddingConfig.of(server.baseUrl(), "text-embedding-v3")
                .withApiKey("sk-test").withBatchSize(2).withRetries(2, Duration.ofMillis(1)));
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    private static OpenAiPassageEmbedder embedderFor(FakeEmbeddingsServer fake, int retries) {
        return new OpenAiPassageEmbedder(OpenAiEmbeddingConfig.of(fake.baseUrl(), "text-embedding-v3")
                .withRetries(retries, Duration.ofMillis(1)));
    }

    @Test
    void sendsTheModelTheKeyAndBatchesOfTheConfiguredSize() {
        int before = server.requestCount();
        List<Embedding> vectors = embedder.embedPassages(List.of("one pump", "two pumps", "three valves", "four"));

        assertThat(vectors).hasSize(4);
        assertThat(server.requestCount() - before).isEqualTo(2);
        var last = server.requests().get(server.requests().size() - 1);
        assertThat(last.path("model").asText()).isEqualTo("text-embedding-v3");
        assertThat(last.path("encoding_format").asText()).isEqualTo("float");
        assertThat(last.path("input")).hasSize(2);
        assertThat(last.has("dimensions")).isFalse();
        assertThat(server.authorizations().get(server.authorizations().size() - 1)).isEqualTo("Bearer sk-test");
        // Answered in reverse order, still placed by index.
        float[] expected = Embedding.normalize(FakeEmbeddingsServer.bagOfWords("four", FakeEmbeddingsServer.DIMENSION));
        assertThat(vectors.get(3).vector()).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void learnsTheDimensionFromTheBackendAndNamesTheSpaceAfterTheModel() {
        assertThat(embedder.spaces()).singleElement().satisfies(space -> {
            assertThat(space.dimension()).isEqualTo(FakeEmbeddingsServer.DIMENSION);
            assertThat(space.name()).isEqualTo("oai-text-embedding-v3");
        });
        assertThat(embedder.modelId()).isEqualTo("openai:127.0.0.1:text-embedding-v3");
    }

    @Test
    void asksForConfiguredDimensionsAndChecksThem() throws Exception {
        try (FakeEmbeddingsServer fake = new FakeEmbeddingsServer()) {
            OpenAiPassageEmbedder sized = new OpenAiPassageEmbedder(
                    OpenAiEmbeddingConfig.of(fake.baseUrl(), "text-embedding-3-small").withDimensions(16));

            assertThat(sized.embedPassages(List.of("pump")).get(0).vector()).hasSize(16);
            assertThat(fake.requests().get(0).path("dimensions").asInt()).isEqualTo(16);
            assertThat(sized.spaces().get(0).name()).isEqualTo("oai-text-embedding-3-small-d16");
            assertThat(sized.modelId()).endsWith(":16");
        }
    }

    @Test
    void retriesRateLimitsAndServerErrors() throws Exception {
        try (FakeEmbeddingsServer fake = new FakeEmbeddingsServer()) {
            fake.failFirst(429, 503);

            assertThat(embedderFor(fake, 2).embedPassages(List.of("pump"))).hasSize(1);
            assertThat(fake.requestCount()).isEqualTo(3);
        }
    }

    @Test
    void givesUpWithTheBackendsReasonAfterTheLastRetry() throws Exception {
        try (FakeEmbeddingsServer fake = new FakeEmbeddingsServer()) {
            fake.failFirst(500, 500, 500);

            assertThatThrownBy(() -> embedderFor(fake, 1).embedPassages(List.of("pump")))
                    .isInstanceOf(DocChatException.class)
                    .satisfies(e -> assertThat(((DocChatException) e).code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE))
                    .hasMessageContaining("HTTP 500").hasMessageContaining("scripted failure 500");
            assertThat(fake.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void aRefusedKeyIsNotRetried() throws Exception {
        try (FakeEmbeddingsServer fake = new FakeEmbeddingsServer()) {
            fake.failFirst(401);

            assertThatThrownBy(() -> embedderFor(fake, 3).embedQuery("pump"))
                    .hasMessageContaining("refused the API key");
            assertThat(fake.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void anAnswerWithAMissingVectorIsAClearError() throws Exception {
        try (FakeEmbeddingsServer fake = new FakeEmbeddingsServer()) {
            fake.dropOneVector();

            assertThatThrownBy(() -> embedderFor(fake, 0).embedPassages(List.of("a pump", "a valve")))
                    .isInstanceOf(DocChatException.class)
                    .hasMessageContaining("returned 1 vectors for 2 texts");
        }
    }

    @Test
    void anUnreachableBackendIsAClearError() {
        OpenAiPassageEmbedder nowhere = new OpenAiPassageEmbedder(
                OpenAiEmbeddingConfig.of("http://127.0.0.1:1/v1", "m").withRetries(0, Duration.ofMillis(1)));

        assertThatThrownBy(() -> nowhere.embedQuery("pump")).isInstanceOf(DocChatException.class)
                .hasMessageContaining("cannot reach the model at http://127.0.0.1:1/v1");
    }

    @Test
    void readsItsSettingsFromTheEnvironment() {
        assertThat(OpenAiEmbeddingConfig.fromEnvironment(Map.of())).isEmpty();
        OpenAiEmbeddingConfig config = OpenAiEmbeddingConfig.fromEnvironment(Map.of(
                "DOCCHAT_EMBEDDING_BASE_URL", "https://dashscope.aliyuncs.com/compatible-mode/v1/",
                "DOCCHAT_EMBEDDING_MODEL", "text-embedding-v3",
                "DOCCHAT_EMBEDDING_API_KEY", "sk-1",
                "DOCCHAT_EMBEDDING_DIMENSIONS", "512",
                "DOCCHAT_EMBEDDING_BATCH_SIZE", "10")).orElseThrow();
        assertThat(config.embeddingsUri().toString())
                .isEqualTo("https://dashscope.aliyuncs.com/compatible-mode/v1/embeddings");
        assertThat(config.dimensions()).isEqualTo(512);
        assertThat(config.apiKey()).isEqualTo("sk-1");
        assertThatThrownBy(() -> OpenAiEmbeddingConfig.fromEnvironment(Map.of("DOCCHAT_EMBEDDING_BASE_URL", "http://x")))
                .hasMessageContaining("DOCCHAT_EMBEDDING_MODEL");
        assertThatThrownBy(() -> OpenAiEmbeddingConfig.fromEnvironment(Map.of("DOCCHAT_EMBEDDING_BASE_URL", "http://x",
                "DOCCHAT_EMBEDDING_MODEL", "m", "DOCCHAT_EMBEDDING_DIMENSIONS", "many")))
                .hasMessageContaining("DOCCHAT_EMBEDDING_DIMENSIONS must be a number");
    }
}
