package io.docchat.core.ranking;

import io.docchat.core.port.ScoredPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses a word ranking (BM25) and a meaning ranking (vector similarity) of the same query into one.
 *
 * <p>BM25 scores and cosines live on unrelated scales, so they are never added as they are. Reciprocal-rank fusion
 * uses only positions: a passage scores {@code w / (k + rank)} from the word list plus {@code (1 - w) / (k + rank)}
 * from the meaning list. Normalised-score fusion keeps the margins: BM25 divided by the list's best, the cosine
 * rescaled to 0..1 between the list's worst and best, then {@code w * words + (1 - w) * meaning}. A passage missing
 * from a list gets nothing from it. Ties go to the smaller passage id, so rankings are stable.
 *
 * @param method        how scores are combined
 * @param lexicalWeight {@code w}, the weight of the word ranking, 0 to 1
 * @param rrfK          {@code k} of reciprocal-rank fusion, which flattens the advantage of the very top ranks
 */
public record RankFusion(Method method, float lexicalWeight, int rrfK) {

    /** How two rankings become one. */
    public enum Method {
        RECIPROCAL_RANK,
        NORMALISED_SCORE
    }

    private static final Comparator<FusedHit> BEST_FIRST = Comparator.comparingDouble(FusedHit::score).reversed()
            .thenComparingLong(FusedHit::passageId);

    public RankFusion {
        if (method == null) {
            throw new IllegalArgumentException("a fusion method is required");
        }
        if (!(lexicalWeight >= 0 && lexicalWeight <= 1)) {
            throw new IllegalArgumentException("lexicalWeight must be between 0 and 1, was " + lexicalWeight);
        }
        if (rrfK < 1) {
            throw new IllegalArgumentException("rrfK must be positive, was " + rrfK);
        }
    }

    /**
     * The fusion chosen by measurement on the shared evaluation sets (see docs/BENCHMARKS.md): normalised scores
     * with words weighing 0.6 ranked best on SQuAD, CMRC and DRCD alike, and better than every reciprocal-rank weight.
     */
    public static RankFusion defaults() {
        return new RankFusion(Method.NORMALISED_SCORE, 0.6f, 60);
    }

    /** The best {@code limit} passages of both rankings, each given best first. */
    public List<FusedHit> fuse(List<ScoredPassage> lexical, List<ScoredPassage> semantic, int limit) {
        Map<Long, float[]> byId = new LinkedHashMap<>();
        float maxLexical = 0;
        for (ScoredPassage hit : lexical) {
            maxLexical = Math.max(maxLexical, hit.score());
        }
        float minSemantic = Float.POSITIVE_INFINITY;
        float maxSemantic = Float.NEGATIVE_INFINITY;
        for (ScoredPassage hit : semantic) {
            minSemantic = Math.min(minSemantic, hit.score());
            maxSemantic = Math.max(maxSemantic, hit.score());
        }
        // entry: fused, lexical, semantic
        for (int rank = 0; rank < lexical.size(); rank++) {
            ScoredPassage hit = lexical.get(rank);
            float part = method == Method.RECIPROCAL_RANK
                    ? lexicalWeight / (rrfK + rank + 1)
                    : lexicalWeight * (maxLexical > 0 ? hit.score() / maxLexical : 0);
            float[] entry = byId.computeIfAbsent(hit.passageId(), id -> new float[3]);
            entry[0] += part;
            entry[1] = hit.score();
        }
        float range = maxSemantic - minSemantic;
        for (int rank = 0; rank < semantic.size(); rank++) {
            ScoredPassage hit = semantic.get(rank);
            float part = method == Method.RECIPROCAL_RANK
                    ? (1 - lexicalWeight) / (rrfK + rank + 1)
                    : (1 - lexicalWeight) * (range > 0 ? (hit.score() - minSemantic) / range : 1);
            float[] entry = byId.computeIfAbsent(hit.passageId(), id -> new float[3]);
            entry[0] += part;
            entry[2] = hit.score();
        }
        List<FusedHit> fused = new ArrayList<>(byId.size());
        byId.forEach((id, entry) -> fused.add(new FusedHit(id, entry[0], entry[1], entry[2])));
        fused.sort(BEST_FIRST);
        return fused.size() > limit ? List.copyOf(fused.subList(0, limit)) : fused;
    }
}
