package io.docchat.core.port;

import io.docchat.core.model.Passage;

/**
 * A passage as shown to an answer model.
 *
 * @param number       its number in the prompt, from 1
 * @param passage      the passage
 * @param documentName the name of its document
 * @param similarity   how close in meaning retrieval found the passage to the question (the cosine of their
 *                     embeddings); {@link Double#NaN} when retrieval did not measure it (ranking by words alone, or a
 *                     passage whose vector is not computed yet)
 */
public record PromptPassage(int number, Passage passage, String documentName, double similarity) {

    /** A passage whose similarity to the question is not known. */
    public PromptPassage(int number, Passage passage, String documentName) {
        this(number, passage, documentName, Double.NaN);
    }

    /** Whether retrieval measured {@link #similarity()}. */
    public boolean hasSimilarity() {
        return !Double.isNaN(similarity);
    }
}
