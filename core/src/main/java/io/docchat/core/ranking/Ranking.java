package io.docchat.core.ranking;

import java.util.List;

/**
 * What a search found, with how close the knowledge base at large comes to the query in meaning.
 *
 * @param hits       the best passages, best first
 * @param background the cosine similarity to the query of its {@value HybridRetriever#BACKGROUND_RANK}th nearest
 *                   passage in the search's scope: what a passage must stand out from to be about the query rather
 *                   than merely about the knowledge base's topic; {@link Double#NaN} when not measured (ranking by
 *                   words alone, or fewer passages with vectors in scope)
 */
public record Ranking(List<FusedHit> hits, double background) {
    public Ranking {
        hits = List.copyOf(hits);
    }
}
