package io.docchat.core.answer;

import io.docchat.core.text.analysis.WordCount;

/**
 * The part of the refusal decided by meaning: how close the retrieved passages are to the question, as the embedding
 * model measured it, on their own and against the knowledge base at large (see {@link SimilarityBounds}). Words alone
 * cannot tell a question about a topic the knowledge base does not hold from one it answers when both share common
 * words; the embeddings can. The bounds are cosines, so they belong to one embedding model: a question mostly in
 * Chinese (either script) is judged by {@link #chinese}, any other by {@link #latin}, because the bundled embedder
 * embeds a question with the model of its dominant language. The defaults are calibrated for the bundled bge-small
 * models on the shared evaluation sets (see {@code docs/BENCHMARKS.md}); another model needs its own, measured with
 * {@code docchat eval qa --evidence}.
 *
 * @param latin   the bounds for questions not mostly in Chinese
 * @param chinese the bounds for questions mostly in Chinese
 */
public record SimilarityGate(SimilarityBounds latin, SimilarityBounds chinese) {

    /** Calibrated for {@code bge-small-en-v1.5} and {@code bge-small-zh-v1.5}, the bundled embedding models. */
    public static final SimilarityGate BGE_SMALL =
            new SimilarityGate(SimilarityBounds.BGE_SMALL_EN, SimilarityBounds.BGE_SMALL_ZH);

    public SimilarityGate {
        if (latin == null || chinese == null) {
            throw new IllegalArgumentException("both bounds are required");
        }
    }

    /**
     * One pair of absolute bounds for every question, judging the best similarity alone.
     *
     * @param floor     below this best similarity the answer is refused whatever words match
     * @param confident from this best similarity on, any matching content word is enough (a claim in other words
     *                  than its abstract's); between the two the word evidence decides
     */
    public SimilarityGate(double floor, double confident) {
        this(new SimilarityBounds(floor, confident), new SimilarityBounds(floor, confident));
    }

    /** The bounds a question is judged by: those of the model the bundled embedder embeds it with. */
    public SimilarityBounds boundsFor(String question) {
        return WordCount.of(question).mostlyChinese() ? chinese : latin;
    }

    /**
     * Whether to refuse, given the evidence and the word threshold.
     *
     * @param question      the question the evidence is for (its language picks the bounds)
     * @param background    the knowledge base's background similarity to it, NaN when not measured
     * @param wordThreshold the {@link Evidence#score()} the words must reach when meaning does not decide
     */
    boolean refuses(String question, Evidence evidence, double background, double wordThreshold) {
        return boundsFor(question).refuses(evidence, background, wordThreshold);
    }
}
