package io.docchat.core.answer;

/**
 * The part of the refusal decided by meaning: how close the retrieved passages are to the question, as the embedding
 * model measured it. Words alone cannot tell a question about a topic the knowledge base does not hold from one it
 * answers when both share common words; the embeddings can. The bounds are cosines, so they belong to one embedding
 * model: the defaults are calibrated for the bundled bge-small models on the shared evaluation sets (see
 * {@code docs/BENCHMARKS.md}); another model needs its own, measured with {@code docchat eval qa --evidence}.
 *
 * @param floor     below this best similarity the answer is refused whatever words match
 * @param confident from this best similarity on, any matching content word is enough (a claim in other words than
 *                  its abstract's); between the two the word evidence decides
 */
public record SimilarityGate(double floor, double confident) {

    /** Calibrated for {@code bge-small-en-v1.5} and {@code bge-small-zh-v1.5}, the bundled embedding models. */
    public static final SimilarityGate BGE_SMALL = new SimilarityGate(0.57, 0.70);

    public SimilarityGate {
        if (!(floor >= -1 && floor <= confident && confident <= 1)) {
            throw new IllegalArgumentException("need -1 <= floor <= confident <= 1");
        }
    }

    /**
     * Whether to refuse, given the evidence and the word threshold.
     *
     * @param wordThreshold the {@link Evidence#score()} the words must reach when meaning does not decide
     */
    boolean refuses(Evidence evidence, double wordThreshold) {
        if (evidence.score() <= 0) {
            return true;
        }
        double similarity = evidence.similarity();
        if (Double.isNaN(similarity)) {
            return evidence.score() < wordThreshold;
        }
        if (similarity < floor) {
            return true;
        }
        return similarity < confident && evidence.score() < wordThreshold;
    }
}
