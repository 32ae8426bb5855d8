package io.docchat.core.ranking;

/**
 * A passage ranked by both retrievers.
 *
 * @param score         the fused score the ranking is ordered by (higher is better)
 * @param lexicalScore  its BM25 score, 0 when word search did not find it
 * @param semanticScore its cosine similarity to the query, 0 when not measured (no vector search, or no vector)
 */
public record FusedHit(long passageId, float score, float lexicalScore, float semanticScore) {}
