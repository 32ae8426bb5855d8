package io.docchat.onnx;

import io.docchat.core.DocChatBuilder;
import io.docchat.core.DocChatModule;
import java.util.List;

/**
 * The bundled in-process embedding models as a module: installing it gives the {@code DocChat} semantic (and, by
 * default, hybrid) retrieval with nothing to download or run beside it.
 *
 * <pre>{@code
 * DocChat docChat = DocChat.builder().install(OnnxEmbeddingModule.bilingual()) ... .build();
 * }</pre>
 */
public final class OnnxEmbeddingModule implements DocChatModule {
    private final OnnxPassageEmbedder embedder;

    private OnnxEmbeddingModule(OnnxPassageEmbedder embedder) {
        this.embedder = embedder;
    }

    /** The English and Chinese bge-small models on every available core, loaded when first used. */
    public static OnnxEmbeddingModule bilingual() {
        return new OnnxEmbeddingModule(OnnxPassageEmbedder.bilingual());
    }

    /** The English and Chinese bge-small models on every available core, kept ready in this cache. */
    public static OnnxEmbeddingModule bilingual(ModelCache cache) {
        return new OnnxEmbeddingModule(OnnxPassageEmbedder.bilingual(cache));
    }

    /** The given models on up to {@code threads} threads each. */
    public static OnnxEmbeddingModule of(List<BundledModel> models, int threads) {
        return new OnnxEmbeddingModule(OnnxPassageEmbedder.of(models, threads));
    }

    @Override
    public void contributeTo(DocChatBuilder builder) {
        builder.passageEmbedder(embedder);
    }
}
