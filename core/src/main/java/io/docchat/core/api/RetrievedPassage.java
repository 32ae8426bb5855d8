package io.docchat.core.api;

import io.docchat.core.model.Document;
import io.docchat.core.model.Passage;

/**
 * A passage found by retrieval, with its document and scores (higher is better; comparable within one search only).
 *
 * @param score         the score the ranking is ordered by: the fused score in hybrid retrieval, else the one below
 * @param lexicalScore  its BM25 score, 0 when word search did not find it
 * @param semanticScore its cosine similarity to the question, 0 when vector search did not find it or is not used
 */
public record RetrievedPassage(Passage passage, Document document, float score, float lexicalScore,
        float semanticScore) {

    /**
     * Its similarity in meaning to the question when vector search measured it, else {@link Double#NaN} (a
     * {@link #semanticScore()} of 0 means vector search did not return the passage or did not run).
     */
    public double similarity() {
        return semanticScore == 0 ? Double.NaN : semanticScore;
    }

    /** A passage found by words alone. */
    public RetrievedPassage(Passage passage, Document document, float score) {
        this(passage, document, score, score, 0);
    }
}
