package io.docchat.core.api;

import io.docchat.core.model.Document;
import io.docchat.core.model.Passage;

/**
 * A passage found by retrieval, with its document and scores (higher is better; comparable within one search only).
 *
 * @param score         the score the ranking is ordered by: the fused score in hybrid retrieval, else the one below
 * @param lexicalScore  its BM25 score, 0 when word search did not find it
 * @param semanticScore its cosine similarity to the question, 0 when not measured (vector search is not used, or the
 *                      passage has no vector yet)
 * @param background    how close the searched knowledge base at large comes to the question: the cosine of its
 *                      20th nearest passage in the search's scope, the same for every hit of one search;
 *                      {@link Double#NaN} when not measured (see {@link io.docchat.core.ranking.Ranking#background()})
 */
public record RetrievedPassage(Passage passage, Document document, float score, float lexicalScore,
        float semanticScore, double background) {

    /** A passage found without a measured background. */
    public RetrievedPassage(Passage passage, Document document, float score, float lexicalScore,
            float semanticScore) {
        this(passage, document, score, lexicalScore, semanticScore, Double.NaN);
    }

    /**
     * Its similarity in meaning to the question when vector search measured it, else {@link Double#NaN} (a
     * {@link #semanticScore()} of 0 means it was not measured).
     */
    public double similarity() {
        return semanticScore == 0 ? Double.NaN : semanticScore;
    }

    /** A passage found by words alone. */
    public RetrievedPassage(Passage passage, Document document, float score) {
        this(passage, document, score, score, 0);
    }
}
