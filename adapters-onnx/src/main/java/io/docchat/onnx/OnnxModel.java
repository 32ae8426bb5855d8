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
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One BERT-style sentence-embedding model in ONNX Runtime: tokenizes with the model's own Hugging Face tokenizer,
 * runs the encoder over a padded batch, and takes the first token's hidden state (the [CLS] pooling bge models are
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

    /** Embeds one batch: one unit vector per text, in order. */
    Embedding[] embed(List<String> texts) {
        if (spec.language() == Language.CHINESE) {
            texts = texts.stream().map(ChineseScript::simplified).toList();
        }
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int batch = encodings.length;
        int length = 1;
        for (Encoding encoding : encodings) {
            length = Math.max(length, encoding.getIds().length);
        }
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            long[] tokenIds = encodings[b].getIds();
            long[] attention = encodings[b].getAttentionMask();
            long[] typeIds = encodings[b].getTypeIds();
            System.arraycopy(tokenIds, 0, ids, b * length, tokenIds.length);
            System.arraycopy(attention, 0, mask, b * length, attention.length);
            System.arraycopy(typeIds, 0, types, b * length, typeIds.length);
        }
        long[] shape = {batch, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (inputNames.contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                long[] hiddenShape = hidden.getInfo().getShape();
                int width = (int) hiddenShape[hiddenShape.length - 1];
                FloatBuffer values = hidden.getFloatBuffer();
                Embedding[] out = new Embedding[batch];
                for (int b = 0; b < batch; b++) {
                    float[] cls = new float[width];
                    values.get(b * length * width, cls);
                    out[b] = new Embedding(spec.space(), Embedding.normalize(cls));
                }
                return out;
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
