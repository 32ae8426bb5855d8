package io.docchat.core.embedding;

import io.docchat.core.port.Embedding;
import io.docchat.core.port.VectorSpace;
import io.docchat.core.port.PassageEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic embedder for engine tests: hashed bags of words, so texts sharing words are close. It records what
 * it embedded and can be made to fail a number of calls.
 */
public final class HashingEmbedder implements PassageEmbedder {
    public static final int DIMENSION = 256;

    private final String modelId;
    private final String space;
    public final List<String> embedded = new CopyOnWriteArrayList<>();
    public final AtomicInteger failuresLeft = new AtomicInteger();
    private final Map<String, String> synonyms;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public HashingEmbedder(String modelId) {
        this(modelId, Map.of());
    }

    /** An embedder that reads each word of {@code synonyms}' keys as its value: meaning that BM25 cannot see. */
    public HashingEmbedder(String modelId, Map<String, String> synonyms) {
        this.modelId = modelId;
        this.space = "hash-" + modelId.replaceAll("[^A-Za-z0-9]", "");
        this.synonyms = Map.copyOf(synonyms);
    }

    /** Makes passage embedding wait until {@link #release()}. */
    public void blockUntilReleased() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public List<VectorSpace> spaces() {
        return List.of(new VectorSpace(space, DIMENSION));
    }

    @Override
    public List<Embedding> embedPassages(List<String> texts) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new io.docchat.core.DocChatException(io.docchat.core.ErrorCode.MODEL_UNAVAILABLE, "scripted");
        }
        List<Embedding> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(vector(text));
        }
        embedded.addAll(texts);
        return out;
    }

    @Override
    public List<Embedding> embedQuery(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(vector(text));
    }

    private Embedding vector(String text) {
        float[] v = new float[DIMENSION];
        v[DIMENSION - 1] = 0.01f;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            String meant = synonyms.getOrDefault(word, word);
            if (meant.length() > 2) {
                v[Math.floorMod(meant.replaceAll("s$", "").hashCode(), DIMENSION - 1)] += 1;
            }
        }
        return new Embedding(space, Embedding.normalize(v));
    }
}
