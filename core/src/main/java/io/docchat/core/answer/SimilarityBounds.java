package io.docchat.core.answer;

/**
 * The refusal by meaning for the cosines of one embedding model: how close the passages must come to a question,
 * in absolute terms and against the knowledge base at large, for their words to be taken as an answer.
 *
 * <p>With the knowledge base's background measured (the cosine of the question's 20th nearest passage, see
 * {@link io.docchat.core.port.AnswerPrompt#background()}), the answer is refused when the best similarity {@code s}
 * is below {@link #floor}, or when the <em>standing</em>
 * {@code s + marginWeight * (s - background) + wordWeight * wordScore} is below {@link #bar}: a question is answered
 * when its best passage is close to it, stands out from the bulk of the knowledge base, and shares its words, and
 * any of the three can make up for a little less of another. No single cosine tells a knowledge base that holds the
 * topic from one merely near it (biomedical abstracts are as close to a question about chemistry as a chemistry
 * article is to a fifth of its own questions); how far the best passage stands out from the twentieth does.
 * Without a background (ranking by words alone, a knowledge base of fewer than 20 passages with vectors) the
 * answer is refused below {@code floor}, and below {@link #confident} unless the words reach their own threshold.
 *
 * @param floor        below this best similarity the answer is refused whatever else holds
 * @param confident    without a background: from this best similarity on, any matching content word is enough
 * @param marginWeight the weight of the best passage's lead over the background in the standing, in cosine units
 * @param wordWeight   the weight of the word evidence ({@link Evidence#score()}, 0 to 1) in the standing
 * @param bar          the standing an answer needs when the background is measured; NaN to judge without it
 */
public record SimilarityBounds(double floor, double confident, double marginWeight, double wordWeight, double bar) {

    /**
     * For {@code bge-small-en-v1.5}: fit on SQuAD v2 (half of dev) and SciFact train, each asked of its own
     * knowledge base and of the other's, keeping at most 2.8% of the answerable questions of either set refused
     * (see docs/BENCHMARKS.md for what each value trades).
     */
    public static final SimilarityBounds BGE_SMALL_EN = new SimilarityBounds(0.50, 0.70, 0.55, 0.30, 0.78);

    /**
     * For {@code bge-small-zh-v1.5}, whose cosines run lower than the English model's: fit on DRCD test and CMRC
     * 2018 dev, each asked of its own knowledge base and of the other's (see docs/BENCHMARKS.md).
     */
    public static final SimilarityBounds BGE_SMALL_ZH = new SimilarityBounds(0.40, 0.62, 0.30, 0.40, 0.685);

    public SimilarityBounds {
        if (!(floor >= -1 && floor <= confident && confident <= 1)) {
            throw new IllegalArgumentException("need -1 <= floor <= confident <= 1");
        }
        if (!(marginWeight >= 0 && wordWeight >= 0)) {
            throw new IllegalArgumentException("the weights must be at least 0");
        }
    }

    /** Bounds that judge the best similarity alone, as without a background. */
    public SimilarityBounds(double floor, double confident) {
        this(floor, confident, 0, 0, Double.NaN);
    }

    /**
     * Whether to refuse, given the evidence, the knowledge base's background and the word threshold.
     *
     * @param background    the background similarity, NaN when not measured
     * @param wordThreshold the {@link Evidence#score()} the words must reach when meaning does not decide
     */
    boolean refuses(Evidence evidence, double background, double wordThreshold) {
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
        if (!Double.isNaN(background) && !Double.isNaN(bar)) {
            return standing(evidence, background) < bar;
        }
        return similarity < confident && evidence.score() < wordThreshold;
    }

    /** The standing compared with {@link #bar}, for diagnostics and calibration. */
    public double standing(Evidence evidence, double background) {
        double similarity = evidence.similarity();
        return similarity + marginWeight * (similarity - background) + wordWeight * evidence.score();
    }
}
