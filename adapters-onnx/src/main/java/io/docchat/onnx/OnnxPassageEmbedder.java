package io.docchat.onnx;

import io.docchat.core.port.Embedding;
import io.docchat.core.port.VectorSpace;
import io.docchat.core.port.PassageEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PassageEmbedder} running bundled ONNX models in process, on the CPU, offline.
 *
 * <p>Each passage is embedded by the model of the language most of it is written in; a query by the model of every
 * language that makes up at least {@value #QUERY_LANGUAGE_SHARE} of it (so a Chinese question that names an English
 * product is looked for in both spaces). Each text is run through its model alone (see {@link OnnxModel#embed}), so
 * its vector does not depend on the texts embedded with it; the calling thread is checked for interruption between
 * texts.
 */
public final class OnnxPassageEmbedder implements PassageEmbedder {
    private static final Logger log = LoggerFactory.getLogger(OnnxPassageEmbedder.class);

    static final double QUERY_LANGUAGE_SHARE = 0.25;

    private final List<BundledModel> specs;
    private final int threads;
    private final ModelCache cache;
    private final String modelId;
    private final List<VectorSpace> spaces;
    /**
     * Each model is loaded when first used: a process that never embeds (most CLI commands) never pays for the
     * models, and a question in one language loads that language's model only.
     */
    private final Map<Language, OnnxModel> models = new EnumMap<>(Language.class);
    private boolean closed;
    /**
     * Inference holds the read side, closing the write side: a native session closed under a running inference
     * crashes the process, so close waits for the batch in flight.
     */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();

    private OnnxPassageEmbedder(List<BundledModel> specs, int threads, ModelCache cache) {
        this.specs = List.copyOf(specs);
        this.threads = threads;
        this.cache = cache;
        this.modelId = specs.stream().map(BundledModel::resource).collect(Collectors.joining("+"))
                + ";cls;max" + OnnxModel.MAX_TOKENS + (specs.stream().anyMatch(s -> s.language() == Language.CHINESE)
                        ? ";zh-simplified" : "");
        this.spaces = specs.stream().map(spec -> new VectorSpace(spec.space(), spec.dimension())).toList();
    }

    /** The English and the Chinese bge-small models, using every available core, loaded from the jar. */
    public static OnnxPassageEmbedder bilingual() {
        return bilingual(ModelCache.none());
    }

    /** The English and the Chinese bge-small models, using every available core, kept ready in this cache. */
    public static OnnxPassageEmbedder bilingual(ModelCache cache) {
        return of(List.of(BundledModel.BGE_SMALL_EN, BundledModel.BGE_SMALL_ZH),
                Runtime.getRuntime().availableProcessors(), cache);
    }

    /**
     * The given models (at most one per language), each running on up to {@code threads} threads, loaded from the
     * jar. They are loaded when first used; {@link #load()} loads them at once.
     */
    public static OnnxPassageEmbedder of(List<BundledModel> specs, int threads) {
        return of(specs, threads, ModelCache.none());
    }

    /**
     * As {@link #of(List, int)}, with the models' optimised graphs (and ONNX Runtime's native libraries) kept in
     * {@code cache}, so that later processes load them several times faster.
     */
    public static OnnxPassageEmbedder of(List<BundledModel> specs, int threads, ModelCache cache) {
        Objects.requireNonNull(cache, "cache");
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("at least one model is needed");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, was " + threads);
        }
        if (specs.stream().map(BundledModel::language).distinct().count() != specs.size()) {
            throw new IllegalArgumentException("at most one model per language");
        }
        return new OnnxPassageEmbedder(specs, threads, cache);
    }

    /** Loads the models now (they are otherwise loaded by the first call that embeds); returns this embedder. */
    public OnnxPassageEmbedder load() {
        specs.forEach(this::model);
        return this;
    }

    /**
     * Starts loading, on a background thread, the models a query of this text would use, so that the loading overlaps
     * whatever the caller does before it asks; a failure is left for the query itself to report.
     */
    public void prepareQuery(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<BundledModel> wanted = queryModels(LanguageMix.of(text));
        Thread loader = new Thread(() -> {
            try {
                wanted.forEach(this::model);
            } catch (RuntimeException e) {
                log.debug("Loading the embedding models ahead of a query failed", e);
            }
        }, "docchat-embedding-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** The languages whose models are loaded now. */
    synchronized Set<Language> loadedLanguages() {
        return Set.copyOf(models.keySet());
    }

    /** The languages whose models are loaded now from graphs the cache held. */
    synchronized Set<Language> languagesLoadedFromCache() {
        return models.values().stream().filter(OnnxModel::fromCache).map(model -> model.spec().language())
                .collect(Collectors.toUnmodifiableSet());
    }

    private synchronized OnnxModel model(BundledModel spec) {
        if (closed) {
            throw new IllegalStateException("the embedder is closed");
        }
        OnnxModel model = models.get(spec.language());
        if (model == null) {
            long start = System.nanoTime();
            model = OnnxModel.load(spec, threads, cache);
            log.info("Loaded embedding model {} in {} ms", spec.language(), (System.nanoTime() - start) / 1_000_000);
            models.put(spec.language(), model);
        }
        return model;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public List<VectorSpace> spaces() {
        return spaces;
    }

    @Override
    public List<Embedding> embedPassages(List<String> texts) {
        inUse.readLock().lock();
        try {
            return embedPassagesLocked(texts);
        } finally {
            inUse.readLock().unlock();
        }
    }

    private List<Embedding> embedPassagesLocked(List<String> texts) {
        Embedding[] out = new Embedding[texts.size()];
        if (texts.isEmpty()) {
            return List.of();
        }
        // Before the models are chosen, and so loaded on first use: loading can take seconds and can lose the
        // caller's interrupt inside the native libraries' start-up.
        checkNotInterrupted();
        for (int i = 0; i < texts.size(); i++) {
            checkNotInterrupted();
            String text = texts.get(i);
            out[i] = modelFor(LanguageMix.of(text).dominant()).embed(text);
        }
        return Arrays.asList(out);
    }

    @Override
    public List<Embedding> embedQuery(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        inUse.readLock().lock();
        try {
            return embedQueryLocked(text);
        } finally {
            inUse.readLock().unlock();
        }
    }

    private List<Embedding> embedQueryLocked(String text) {
        checkNotInterrupted();
        List<Embedding> out = new ArrayList<>(2);
        for (BundledModel spec : queryModels(LanguageMix.of(text))) {
            out.add(model(spec).embed(spec.queryPrefix() + text));
        }
        return out;
    }

    /**
     * The models a query is embedded by: that of every language making up at least {@value #QUERY_LANGUAGE_SHARE} of
     * it and that of its dominant language (the only one when there is one), else the model {@link #specFor} picks
     * for the dominant language; in the order of the languages.
     */
    private List<BundledModel> queryModels(LanguageMix mix) {
        List<BundledModel> wanted = specs.stream()
                .filter(spec -> mix.share(spec.language()) >= QUERY_LANGUAGE_SHARE || specs.size() == 1
                        || spec.language() == mix.dominant())
                .sorted(Comparator.comparing(BundledModel::language))
                .toList();
        return wanted.isEmpty() ? List.of(specFor(mix.dominant())) : wanted;
    }

    @Override
    public void close() {
        inUse.writeLock().lock();
        try {
            synchronized (this) {
                closed = true;
                models.values().forEach(OnnxModel::close);
                models.clear();
            }
        } finally {
            inUse.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxPassageEmbedder[" + modelId + "]";
    }

    /** The model made for the language, or else that of the first language there is a model for. */
    private OnnxModel modelFor(Language language) {
        return model(specFor(language));
    }

    private BundledModel specFor(Language language) {
        return specs.stream().filter(spec -> spec.language() == language).findFirst()
                .orElseGet(() -> specs.stream().min(Comparator.comparing(BundledModel::language)).orElseThrow());
    }

    private static void checkNotInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("embedding was cancelled");
        }
    }
}
