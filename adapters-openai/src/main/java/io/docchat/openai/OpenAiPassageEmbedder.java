package io.docchat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.core.port.Embedding;
import io.docchat.core.port.VectorSpace;
import io.docchat.core.port.PassageEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * {@link PassageEmbedder} over an OpenAI-compatible {@code POST /embeddings} endpoint: texts go in batches of the
 * configured size, each answer is checked (one vector per text, all of one length) and every vector is scaled to
 * unit length, as some backends do not. One model serves every language, so there is one vector space, named after
 * the model and the vector length.
 */
public final class OpenAiPassageEmbedder implements PassageEmbedder {
    private final OpenAiEmbeddingConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final RetryingPoster poster;
    /** Learnt from the first answer when not configured. */
    private volatile Integer dimension;

    public OpenAiPassageEmbedder(OpenAiEmbeddingConfig config) {
        this.config = config;
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        this.poster = new RetryingPoster(http, json, config.baseUrl(), config.apiKey(), config.readTimeout(),
                config.maxRetries(), config.initialBackoff());
        this.dimension = config.dimensions();
    }

    /**
     * The model and the requested length, with the server: the same model name on two servers may be two models.
     */
    @Override
    public String modelId() {
        return "openai:" + config.baseUrl().getHost() + ":" + config.model()
                + (config.dimensions() == null ? "" : ":" + config.dimensions());
    }

    /** The one space; without configured dimensions, the first call asks the backend for one vector to learn them. */
    @Override
    public List<VectorSpace> spaces() {
        if (dimension == null) {
            embedBatch(List.of("dimension probe"));
        }
        return List.of(new VectorSpace(spaceName(), dimension));
    }

    @Override
    public List<Embedding> embedPassages(List<String> texts) {
        List<Embedding> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += config.batchSize()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("embedding was cancelled");
            }
            out.addAll(embedBatch(texts.subList(from, Math.min(texts.size(), from + config.batchSize()))));
        }
        return out;
    }

    @Override
    public List<Embedding> embedQuery(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("embedding was cancelled");
        }
        return embedBatch(List.of(text));
    }

    @Override
    public String toString() {
        return "OpenAiPassageEmbedder[" + config.model() + " at " + config.baseUrl() + "]";
    }

    private List<Embedding> embedBatch(List<String> texts) {
        ObjectNode body = json.createObjectNode();
        body.put("model", config.model());
        ArrayNode input = body.putArray("input");
        // An empty string is refused by some backends; a blank passage means nothing either way.
        texts.forEach(text -> input.add(text.isBlank() ? " " : text));
        body.put("encoding_format", "float");
        if (config.dimensions() != null) {
            body.put("dimensions", config.dimensions());
        }
        JsonNode root;
        try (InputStream in = poster.post(config.embeddingsUri(), body, "application/json").body()) {
            root = json.readTree(in);
        } catch (IOException e) {
            throw RetryingPoster.unavailable("reading the embedding model's answer failed: " + e.getMessage(), e);
        }
        JsonNode data = root.path("data");
        if (!data.isArray() || data.size() != texts.size()) {
            throw RetryingPoster.unavailable("the embedding model returned " + (data.isArray() ? data.size() : "no")
                    + " vectors for " + texts.size() + " texts", null);
        }
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            int index = item.path("index").asInt(i);
            JsonNode components = item.path("embedding");
            if (index < 0 || index >= vectors.length || vectors[index] != null || !components.isArray()
                    || components.isEmpty()) {
                throw RetryingPoster.unavailable("the embedding model's answer has a missing or repeated vector", null);
            }
            float[] vector = new float[components.size()];
            for (int c = 0; c < vector.length; c++) {
                vector[c] = (float) components.get(c).asDouble();
            }
            vectors[index] = vector;
        }
        int length = vectors[0].length;
        Integer expected = dimension;
        for (float[] vector : vectors) {
            if (vector.length != length || expected != null && vector.length != expected) {
                throw RetryingPoster.unavailable("the embedding model returned vectors of " + vector.length
                        + " components where " + (expected != null ? expected : length) + " were expected", null);
            }
        }
        if (expected == null) {
            dimension = length;
        }
        List<Embedding> out = new ArrayList<>(vectors.length);
        for (float[] vector : vectors) {
            out.add(new Embedding(spaceName(), Embedding.normalize(vector)));
        }
        return out;
    }

    /** A field-safe name: the model name's letters and digits, with the vector length when it was asked for. */
    private String spaceName() {
        String name = config.model().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
        if (config.dimensions() != null) {
            name = name + "-d" + config.dimensions();
        }
        name = "oai-" + name;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
