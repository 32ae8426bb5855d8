package io.docchat.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of an OpenAI-compatible chat-completions backend (OpenAI, DashScope in compatible mode, vLLM, Ollama,
 * llama.cpp server).
 *
 * @param baseUrl            the API root that {@code /chat/completions} is appended to, e.g.
 *                           {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 * @param apiKey             sent as {@code Authorization: Bearer}; null or blank sends no header (local servers)
 * @param model              the model name the backend knows
 * @param temperature        sampling temperature, or null for the backend's default
 * @param maxTokens          the most tokens an answer may take, or null for the backend's default
 * @param connectTimeout     to open the connection
 * @param readTimeout        the longest wait for the response headers and then between two pieces of the stream
 * @param maxRetries         attempts after the first on connection failure, 429 and 5xx, only before the answer starts
 * @param initialBackoff     the first wait between attempts; doubled each time (a Retry-After header wins)
 * @param keepCitationMarkers keep the {@code [n]} markers in the visible answer (they always decide the citations)
 * @param historyCharBudget  the most characters of earlier Q&A pairs put into the prompt, newest first
 * @param requestUsage       ask the backend to report token usage at the end of the stream
 */
public record OpenAiConfig(
        URI baseUrl,
        String apiKey,
        String model,
        Double temperature,
        Integer maxTokens,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration initialBackoff,
        boolean keepCitationMarkers,
        int historyCharBudget,
        boolean requestUsage) {

    public OpenAiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required");
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        if (maxRetries < 0 || historyCharBudget < 0) {
            throw new IllegalArgumentException("maxRetries and historyCharBudget must not be negative");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the settings from environment-style variables: {@code DOCCHAT_LLM_BASE_URL} (required to use a model at
     * all), {@code DOCCHAT_LLM_API_KEY}, {@code DOCCHAT_LLM_MODEL} (required with a base URL),
     * {@code DOCCHAT_LLM_TEMPERATURE}, {@code DOCCHAT_LLM_MAX_TOKENS}, {@code DOCCHAT_LLM_TIMEOUT_SECONDS} (read
     * timeout), {@code DOCCHAT_LLM_MAX_RETRIES}, {@code DOCCHAT_LLM_CITATION_MARKERS} ({@code keep} or
     * {@code strip}) and {@code DOCCHAT_LLM_HISTORY_CHARS}.
     *
     * @return empty when no base URL is set (the offline extractive model is used then)
     * @throws IllegalArgumentException naming the variable whose value is wrong
     */
    public static Optional<OpenAiConfig> fromEnvironment(Map<String, String> env) {
        String baseUrl = blankToNull(env.get("DOCCHAT_LLM_BASE_URL"));
        if (baseUrl == null) {
            return Optional.empty();
        }
        String model = blankToNull(env.get("DOCCHAT_LLM_MODEL"));
        if (model == null) {
            throw new IllegalArgumentException("DOCCHAT_LLM_MODEL must name the model when DOCCHAT_LLM_BASE_URL is set");
        }
        Builder b = builder().baseUrl(baseUrl).model(model).apiKey(blankToNull(env.get("DOCCHAT_LLM_API_KEY")));
        String temperature = blankToNull(env.get("DOCCHAT_LLM_TEMPERATURE"));
        if (temperature != null) {
            b.temperature(parse("DOCCHAT_LLM_TEMPERATURE", temperature, Double::valueOf));
        }
        String maxTokens = blankToNull(env.get("DOCCHAT_LLM_MAX_TOKENS"));
        if (maxTokens != null) {
            b.maxTokens(parse("DOCCHAT_LLM_MAX_TOKENS", maxTokens, Integer::valueOf));
        }
        String timeout = blankToNull(env.get("DOCCHAT_LLM_TIMEOUT_SECONDS"));
        if (timeout != null) {
            b.readTimeout(Duration.ofSeconds(parse("DOCCHAT_LLM_TIMEOUT_SECONDS", timeout, Long::valueOf)));
        }
        String retries = blankToNull(env.get("DOCCHAT_LLM_MAX_RETRIES"));
        if (retries != null) {
            b.maxRetries(parse("DOCCHAT_LLM_MAX_RETRIES", retries, Integer::valueOf));
        }
        String history = blankToNull(env.get("DOCCHAT_LLM_HISTORY_CHARS"));
        if (history != null) {
            b.historyCharBudget(parse("DOCCHAT_LLM_HISTORY_CHARS", history, Integer::valueOf));
        }
        String markers = blankToNull(env.get("DOCCHAT_LLM_CITATION_MARKERS"));
        if (markers != null) {
            switch (markers.toLowerCase(Locale.ROOT)) {
                case "keep" -> b.keepCitationMarkers(true);
                case "strip" -> b.keepCitationMarkers(false);
                default -> throw new IllegalArgumentException("DOCCHAT_LLM_CITATION_MARKERS must be keep or strip");
            }
        }
        try {
            return Optional.of(b.build());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Model settings: " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
        }
    }

    /** The chat-completions endpoint. */
    public URI chatCompletionsUri() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }

    /** Builds an {@link OpenAiConfig}; only the base URL and the model are required. */
    public static final class Builder {
        private URI baseUrl;
        private String apiKey;
        private String model;
        private Double temperature = 0.2;
        private Integer maxTokens = 1024;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private boolean keepCitationMarkers = true;
        private int historyCharBudget = 4_000;
        private boolean requestUsage = true;

        private Builder() {}

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").trim());
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder maxTokens(Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        public Builder maxRetries(int retries) {
            this.maxRetries = retries;
            return this;
        }

        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = backoff;
            return this;
        }

        public Builder keepCitationMarkers(boolean keep) {
            this.keepCitationMarkers = keep;
            return this;
        }

        public Builder historyCharBudget(int chars) {
            this.historyCharBudget = chars;
            return this;
        }

        public Builder requestUsage(boolean request) {
            this.requestUsage = request;
            return this;
        }

        public OpenAiConfig build() {
            return new OpenAiConfig(baseUrl, apiKey, model, temperature, maxTokens, connectTimeout, readTimeout,
                    maxRetries, initialBackoff, keepCitationMarkers, historyCharBudget, requestUsage);
        }
    }
}
