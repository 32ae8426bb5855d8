package io.docchat.onnx;

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
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One BERT-style sentence-embedding model in ONNX Runtime: tokenizes with the model's own Hugging Face tokenizer,
 * runs the encoder over each text alone, and takes the first token's hidden state (the [CLS] pooling bge models are
 * trained for), scaled to unit length.
 */
final class OnnxModel implements AutoCloseable {
    /** The encoder's position limit: longer texts are cut, as the model never saw more in training. */
    static final int MAX_TOKENS = 512;

    private final BundledModel spec;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Set<String> inputNames;

    private OnnxModel(BundledModel spec, OrtEnvironment environment, OrtSession session,
            HuggingFaceTokenizer tokenizer) {
        this.spec = spec;
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.inputNames = session.getInputNames();
    }

    /** Loads the model's graph and tokenizer from the class path. */
    static OnnxModel load(BundledModel spec, int threads) {
        byte[] graph = resource(spec.modelResource());
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = open(spec.tokenizerResource())) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
        } catch (IOException | RuntimeException e) {
            throw unavailable(spec, "cannot load its tokenizer: " + e.getMessage(), e);
        }
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            // Threads that spin between operators burn the cores that ingestion and searches need, and on a busy
            // machine they spin while the thread they wait for is not even scheduled: the vectors are the same.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(graph, options);
            return new OnnxModel(spec, environment, session, tokenizer);
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            tokenizer.close();
            throw unavailable(spec, "ONNX Runtime cannot load it: " + e.getMessage(), e);
        }
    }

    BundledModel spec() {
        return spec;
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

    private static byte[] resource(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DocChatException(ErrorCode.MODEL_UNAVAILABLE, "cannot read the embedding model " + name, e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = OnnxModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new DocChatException(ErrorCode.MODEL_UNAVAILABLE, "the embedding model file " + name
                    + " is not on the class path: add the Maven artifact that ships it");
        }
        return in;
    }

    private static DocChatException unavailable(BundledModel spec, String message, Throwable cause) {
        return new DocChatException(ErrorCode.MODEL_UNAVAILABLE,
                "embedding model " + spec.resource() + ": " + message, cause);
    }
}
