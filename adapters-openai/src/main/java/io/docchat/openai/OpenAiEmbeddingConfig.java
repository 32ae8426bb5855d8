package io.docchat.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of an OpenAI-compatible {@code /embeddings} backend (DashScope {@code text-embedding-v3} in compatible
 * mode, OpenAI, vLLM, Ollama).
 *
 * @param baseUrl        the API root that {@code /embeddings} is appended to
 * @param apiKey         sent as {@code Authorization: Bearer}; null or blank sends no header (local servers)
 * @param model          the model name the backend knows
 * @param dimensions     the vector length to ask for ({@code dimensions} in the request), or null for the model's own
 *                       (then learnt from the first answer)
 * @param batchSize      texts per request (DashScope takes at most 10, OpenAI 2,048)
 * @param connectTimeout to open the connection
 * @param readTimeout    the longest wait for one answer
 * @param maxRetries     attempts after the first on connection failure, 429 and 5xx
 * @param initialBackoff the first wait between attempts; doubled each time (a Retry-After header wins)
 */
public record OpenAiEmbeddingConfig(
        URI baseUrl,
        String apiKey,
        String model,
        Integer dimensions,
        int batchSize,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration initialBackoff) {

    public static final String BASE_URL = "DOCCHAT_EMBEDDING_BASE_URL";
    public static final String API_KEY = "DOCCHAT_EMBEDDING_API_KEY";
    public static final String MODEL = "DOCCHAT_EMBEDDING_MODEL";
    public static final String DIMENSIONS = "DOCCHAT_EMBEDDING_DIMENSIONS";
    public static final String BATCH_SIZE = "DOCCHAT_EMBEDDING_BATCH_SIZE";
    public static final String TIMEOUT_SECONDS = "DOCCHAT_EMBEDDING_TIMEOUT_SECONDS";
    public static final String MAX_RETRIES = "DOCCHAT_EMBEDDING_MAX_RETRIES";

    public OpenAiEmbeddingConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the embedding model is required");
        }
        if (dimensions != null && dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
    }

    /** Settings with the defaults: no key, the model's own dimensions, 10 texts a request, 2 retries. */
    public static OpenAiEmbeddingConfig of(String baseUrl, String model) {
        return new OpenAiEmbeddingConfig(URI.create(baseUrl.strip()), null, model, null, 10, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 2, Duration.ofMillis(500));
    }

    /** These settings with an API key. */
    public OpenAiEmbeddingConfig withApiKey(String key) {
        return new OpenAiEmbeddingConfig(baseUrl, key, model, dimensions, batchSize, connectTimeout, readTimeout,
                maxRetries, initialBackoff);
    }

    /** These settings asking for vectors of this length. */
    public OpenAiEmbeddingConfig withDimensions(Integer newDimensions) {
        return new OpenAiEmbeddingConfig(baseUrl, apiKey, model, newDimensions, batchSize, connectTimeout, readTimeout,
                maxRetries, initialBackoff);
    }

    /** These settings with another batch size. */
    public OpenAiEmbeddingConfig withBatchSize(int newBatchSize) {
        return new OpenAiEmbeddingConfig(baseUrl, apiKey, model, dimensions, newBatchSize, connectTimeout, readTimeout,
                maxRetries, initialBackoff);
    }

    /** These settings with other retry rules. */
    public OpenAiEmbeddingConfig withRetries(int newMaxRetries, Duration newInitialBackoff) {
        return new OpenAiEmbeddingConfig(baseUrl, apiKey, model, dimensions, batchSize, connectTimeout, readTimeout,
                newMaxRetries, newInitialBackoff);
    }

    /** These settings with another read timeout. */
    public OpenAiEmbeddingConfig withReadTimeout(Duration timeout) {
        return new OpenAiEmbeddingConfig(baseUrl, apiKey, model, dimensions, batchSize, connectTimeout, timeout,
                maxRetries, initialBackoff);
    }

    /**
     * Reads the settings from environment-style variables ({@code DOCCHAT_EMBEDDING_*}, see the constants).
     *
     * @return empty when no base URL is set (the in-process models, or none, are used then)
     * @throws IllegalArgumentException naming the variable whose value is wrong
     */
    public static Optional<OpenAiEmbeddingConfig> fromEnvironment(Map<String, String> env) {
        String baseUrl = blankToNull(env.get(BASE_URL));
        if (baseUrl == null) {
            return Optional.empty();
        }
        String model = blankToNull(env.get(MODEL));
        if (model == null) {
            throw new IllegalArgumentException(MODEL + " must name the embedding model when " + BASE_URL + " is set");
        }
        OpenAiEmbeddingConfig config;
        try {
            config = of(baseUrl, model).withApiKey(blankToNull(env.get(API_KEY)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BASE_URL + " is not a URL: " + e.getMessage(), e);
        }
        String dimensions = blankToNull(env.get(DIMENSIONS));
        if (dimensions != null) {
            config = config.withDimensions(parse(DIMENSIONS, dimensions, Integer::valueOf));
        }
        String batch = blankToNull(env.get(BATCH_SIZE));
        if (batch != null) {
            config = config.withBatchSize(parse(BATCH_SIZE, batch, Integer::valueOf));
        }
        String timeout = blankToNull(env.get(TIMEOUT_SECONDS));
        if (timeout != null) {
            config = config.withReadTimeout(Duration.ofSeconds(parse(TIMEOUT_SECONDS, timeout, Long::valueOf)));
        }
        String retries = blankToNull(env.get(MAX_RETRIES));
        if (retries != null) {
            config = config.withRetries(parse(MAX_RETRIES, retries, Integer::valueOf), config.initialBackoff());
        }
        return Optional.of(config);
    }

    /** The embeddings endpoint. */
    public URI embeddingsUri() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/embeddings");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> T parse(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
