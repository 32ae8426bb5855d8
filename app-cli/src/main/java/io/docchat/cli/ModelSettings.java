package io.docchat.cli;

import io.docchat.core.model.RetrievalMode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Which models to use: the answer model as {@code DOCCHAT_LLM_*} settings (without a base URL the offline extractive
 * model answers; with one, an OpenAI-compatible chat-completions endpoint does), the embedding model as
 * {@code DOCCHAT_EMBEDDING_*} settings (without a base URL the bundled in-process models embed; with one, an
 * OpenAI-compatible embeddings endpoint does) and {@code DOCCHAT_RETRIEVAL_MODE} ({@code lexical}, {@code semantic}
 * or {@code hybrid}, the default).
 *
 * @param variables the resolved settings by environment variable name, e.g. {@code DOCCHAT_LLM_BASE_URL}
 */
public record ModelSettings(Map<String, String> variables) {
    public static final String BASE_URL = "DOCCHAT_LLM_BASE_URL";
    public static final String API_KEY = "DOCCHAT_LLM_API_KEY";
    public static final String MODEL = "DOCCHAT_LLM_MODEL";
    /** Whether the model rewrites follow-up questions before retrieval ({@code true}/{@code false}, default false). */
    public static final String REWRITE_FOLLOW_UPS = "DOCCHAT_LLM_REWRITE_FOLLOW_UPS";
    /** The extractive model's refusal threshold, a number in [0, 1] (see {@code ExtractiveAnswerModel}). */
    public static final String REFUSAL_THRESHOLD = "DOCCHAT_ANSWER_REFUSAL_THRESHOLD";

    public static final String EMBEDDING_BASE_URL = "DOCCHAT_EMBEDDING_BASE_URL";
    public static final String EMBEDDING_API_KEY = "DOCCHAT_EMBEDDING_API_KEY";
    public static final String EMBEDDING_MODEL = "DOCCHAT_EMBEDDING_MODEL";
    public static final String RETRIEVAL_MODE = "DOCCHAT_RETRIEVAL_MODE";
    /**
     * A directory where every vector the embedding model computes is kept, keyed by model id and text, so that
     * repeated evaluation runs over the same sets embed nothing twice (unset: no cache).
     */
    public static final String EMBEDDING_CACHE = "DOCCHAT_EMBEDDING_CACHE";
    /**
     * Where docchat keeps what it can always make again and would otherwise make at every start: the bundled
     * embedding models optimised and ready to load, and native libraries (see {@code ModelCache}); or {@code off}.
     * By default {@code $XDG_CACHE_HOME/docchat}, else {@code ~/.cache/docchat}.
     */
    public static final String CACHE_DIR = "DOCCHAT_CACHE_DIR";
    /** The value of {@link #CACHE_DIR} that keeps no cache. */
    public static final String OFF = "off";

    /** Keys of the configuration file and the variables they stand for. */
    private static final Map<String, String> FILE_KEYS = Map.ofEntries(
            Map.entry("embedding.baseUrl", EMBEDDING_BASE_URL),
            Map.entry("embedding.apiKey", EMBEDDING_API_KEY),
            Map.entry("embedding.model", EMBEDDING_MODEL),
            Map.entry("embedding.dimensions", "DOCCHAT_EMBEDDING_DIMENSIONS"),
            Map.entry("embedding.batchSize", "DOCCHAT_EMBEDDING_BATCH_SIZE"),
            Map.entry("embedding.timeoutSeconds", "DOCCHAT_EMBEDDING_TIMEOUT_SECONDS"),
            Map.entry("embedding.maxRetries", "DOCCHAT_EMBEDDING_MAX_RETRIES"),
            Map.entry("embedding.cache", EMBEDDING_CACHE),
            Map.entry("cache.dir", CACHE_DIR),
            Map.entry("retrieval.mode", RETRIEVAL_MODE),
            Map.entry("llm.baseUrl", BASE_URL),
            Map.entry("llm.apiKey", API_KEY),
            Map.entry("llm.model", MODEL),
            Map.entry("llm.temperature", "DOCCHAT_LLM_TEMPERATURE"),
            Map.entry("llm.maxTokens", "DOCCHAT_LLM_MAX_TOKENS"),
            Map.entry("llm.timeoutSeconds", "DOCCHAT_LLM_TIMEOUT_SECONDS"),
            Map.entry("llm.maxRetries", "DOCCHAT_LLM_MAX_RETRIES"),
            Map.entry("llm.citationMarkers", "DOCCHAT_LLM_CITATION_MARKERS"),
            Map.entry("llm.historyChars", "DOCCHAT_LLM_HISTORY_CHARS"),
            Map.entry("llm.rewriteFollowUps", REWRITE_FOLLOW_UPS),
            Map.entry("answer.refusalThreshold", REFUSAL_THRESHOLD));

    public static final ModelSettings EXTRACTIVE = new ModelSettings(Map.of());

    public ModelSettings {
        variables = Map.copyOf(variables);
    }

    public String baseUrl() {
        return variables.get(BASE_URL);
    }

    public String model() {
        return variables.get(MODEL);
    }

    public boolean usesRemoteModel() {
        return baseUrl() != null;
    }

    /**
     * True when the remote model should also make follow-up questions standalone before retrieval; off by default,
     * because it costs a model round trip before every follow-up's first byte.
     *
     * @throws IllegalArgumentException for a value other than true or false
     */
    public boolean rewritesFollowUps() {
        String value = variables.get(REWRITE_FOLLOW_UPS);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return usesRemoteModel();
        }
        throw new IllegalArgumentException(REWRITE_FOLLOW_UPS + " must be true or false, not '" + value + "'");
    }

    /**
     * How passages are ranked: {@code DOCCHAT_RETRIEVAL_MODE}, hybrid by default.
     *
     * @throws IllegalArgumentException for a value other than lexical, semantic or hybrid
     */
    public RetrievalMode retrievalMode() {
        String value = variables.get(RETRIEVAL_MODE);
        if (value == null) {
            return RetrievalMode.HYBRID;
        }
        try {
            return RetrievalMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    RETRIEVAL_MODE + " must be lexical, semantic or hybrid, not '" + value + "'", e);
        }
    }

    /** The cache directory, or empty when it is off or not set. */
    public Optional<Path> cacheDirectory() {
        String value = variables.get(CACHE_DIR);
        return value == null || value.equalsIgnoreCase(OFF) ? Optional.empty() : Optional.of(Path.of(value));
    }

    /** True when an OpenAI-compatible embeddings endpoint is configured (else the bundled models embed). */
    public boolean usesRemoteEmbeddings() {
        return variables.get(EMBEDDING_BASE_URL) != null;
    }

    /** These settings with one variable set (a flag given on the command line); a null or blank value changes nothing. */
    public ModelSettings with(String variable, String value) {
        Map<String, String> merged = new LinkedHashMap<>(variables);
        put(merged, variable, value);
        return new ModelSettings(merged);
    }

    /**
     * The extractive model's refusal threshold when one is set, else NaN (the model's default).
     *
     * @throws IllegalArgumentException for a value that is not a number in [0, 1]
     */
    public double refusalThreshold() {
        String value = variables.get(REFUSAL_THRESHOLD);
        if (value == null) {
            return Double.NaN;
        }
        try {
            double threshold = Double.parseDouble(value);
            if (threshold >= 0 && threshold <= 1) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException(REFUSAL_THRESHOLD + " (answer.refusalThreshold) must be a number from 0 to 1,"
                + " not '" + value + "'");
    }

    /** What a person reads about the model in use, never the key. */
    public String describe() {
        if (!usesRemoteModel()) {
            return "extractive (offline)";
        }
        return (model() == null ? "(no model named)" : model()) + " at " + baseUrl();
    }

    /**
     * The configuration file of the data directory, overridden by environment variables, overridden by flags
     * (each flag may be null).
     */
    public static ModelSettings resolve(
            Path configFile, CliEnvironment environment, String flagBaseUrl, String flagApiKey, String flagModel) {
        Map<String, String> merged = new LinkedHashMap<>();
        Properties file = load(configFile);
        FILE_KEYS.forEach((key, variable) -> put(merged, variable, file.getProperty(key)));
        for (String variable : FILE_KEYS.values()) {
            put(merged, variable, environment.variable(variable));
        }
        put(merged, BASE_URL, flagBaseUrl);
        put(merged, API_KEY, flagApiKey);
        put(merged, MODEL, flagModel);
        merged.putIfAbsent(CACHE_DIR, defaultCacheDirectory(environment).toString());
        return new ModelSettings(merged);
    }

    /**
     * The user's cache directory as the XDG base directory specification has it ({@code $XDG_CACHE_HOME} when it is
     * an absolute path, else {@code ~/.cache}), then {@code docchat}: what is there can always be made again.
     */
    static Path defaultCacheDirectory(CliEnvironment environment) {
        String xdg = environment.variable("XDG_CACHE_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : environment.userHome().resolve(".cache");
        return base.resolve("docchat");
    }

    private static void put(Map<String, String> settings, String variable, String value) {
        if (value != null && !value.isBlank()) {
            settings.put(variable, value.strip());
        }
    }

    private static Properties load(Path configFile) {
        Properties properties = new Properties();
        if (Files.isRegularFile(configFile)) {
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + configFile + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }
}
