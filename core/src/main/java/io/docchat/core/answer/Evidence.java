package io.docchat.core.answer;

/**
 * How strongly the passages of a prompt answer a question, from the question's content terms weighted by how rare
 * they are among the prompt's sentences (a term found nowhere weighs most). The refusal compares {@link #score()}
 * with the model's threshold.
 *
 * @param sentenceCoverage the share of the question's weight that the sentence, with its neighbours and its
 *                         passage's headings, covers (neighbours count at a fraction)
 * @param passageCoverage  the share of the question's weight that the sentence's whole passage covers
 * @param similarity       the best similarity in meaning of a prompt passage to the question; {@link Double#NaN}
 *                         when the passage holding this evidence has none measured (ranked by words alone, or its
 *                         vector not computed yet), so that words alone decide
 * @param score            the mean of both, in [0, 1]: 0 when nothing matches (or the question has no content terms)
 */
public record Evidence(double sentenceCoverage, double passageCoverage, double similarity, double score) {

    /** No evidence at all: the question has no content terms, or the prompt no sentences. */
    public static final Evidence NONE = new Evidence(0, 0, Double.NaN, 0);

    /** The evidence of a sentence with these coverages. */
    static Evidence of(double sentenceCoverage, double passageCoverage, double similarity) {
        return new Evidence(sentenceCoverage, passageCoverage, similarity, (sentenceCoverage + passageCoverage) / 2);
    }
}
