package io.docchat.onnx;

/**
 * The sentence-embedding models that ship inside Maven artifacts on the class path, so nothing is downloaded at run
 * time: the quantized BAAI {@code bge-small} v1.5 models, one made for English and one for Chinese.
 *
 * @param resource       the base name of the model's files on the class path ({@code .onnx} and
 *                       {@code -tokenizer.json})
 * @param space          the name of the vector space its vectors live in
 * @param dimension      the length of its vectors
 * @param queryPrefix    what the model's authors prepend to a short query that is to find passages
 * @param language       the language it is made for
 */
public record BundledModel(String resource, String space, int dimension, String queryPrefix, Language language) {

    /** {@code BAAI/bge-small-en-v1.5}, quantized: 384 dimensions, English. */
    public static final BundledModel BGE_SMALL_EN = new BundledModel("bge-small-en-v1.5-q", "bge-small-en-v1.5-q", 384,
            "Represent this sentence for searching relevant passages: ", Language.ENGLISH);

    /** {@code BAAI/bge-small-zh-v1.5}, quantized: 512 dimensions, Chinese (Simplified and Traditional). */
    public static final BundledModel BGE_SMALL_ZH = new BundledModel("bge-small-zh-v1.5-q", "bge-small-zh-v1.5-q", 512,
            "为这个句子生成表示以用于检索相关文章：", Language.CHINESE);

    /** The class-path resource of the ONNX graph. */
    String modelResource() {
        return resource + ".onnx";
    }

    /** The class-path resource of the Hugging Face tokenizer definition. */
    String tokenizerResource() {
        return resource + "-tokenizer.json";
    }
}
