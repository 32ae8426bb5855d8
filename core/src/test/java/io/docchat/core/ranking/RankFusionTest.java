package io.docchat.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.docchat.core.port.ScoredPassage;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTest {
    private static final RankFusion RRF = new RankFusion(RankFusion.Method.RECIPROCAL_RANK, 0.5f, 60);
    private static final RankFusion NORMALISED = new RankFusion(RankFusion.Method.NORMALISED_SCORE, 0.5f, 60);

    private static List<ScoredPassage> hits(long... idsAndScoresTimesTen) {
        ScoredPassage[] out = new ScoredPassage[idsAndScoresTimesTen.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new ScoredPassage(idsAndScoresTimesTen[2 * i], idsAndScoresTimesTen[2 * i + 1] / 10f);
        }
        return List.of(out);
    }

    @Test
    void aPassageBothRankersLikeBeatsOneThatOnlyOneLoves() {
        List<ScoredPassage> lexical = hits(1, 120, 2, 80, 3, 10);
        List<ScoredPassage> semantic = hits(4, 9, 2, 8, 5, 1);

        for (RankFusion fusion : List.of(RRF, NORMALISED)) {
            assertThat(fusion.fuse(lexical, semantic, 10).get(0).passageId()).as(fusion.method().name()).isEqualTo(2);
        }
    }

    @Test
    void reciprocalRankUsesPositionsOnlyAndKeepsBothScores() {
        List<FusedHit> fused = RRF.fuse(hits(1, 500, 2, 1), hits(2, 9, 1, 8), 10);

        // Same positions, swapped: equal fused scores, the tie going to the smaller id.
        assertThat(fused).extracting(FusedHit::passageId).containsExactly(1L, 2L);
        assertThat(fused.get(0).score()).isCloseTo(fused.get(1).score(), within(1e-7f));
        assertThat(fused.get(0).score()).isCloseTo(0.5f / 61 + 0.5f / 62, within(1e-7f));
        assertThat(fused.get(0).lexicalScore()).isEqualTo(50f);
        assertThat(fused.get(0).semanticScore()).isEqualTo(0.8f);
    }

    @Test
    void normalisedScoresKeepTheMargins() {
        // Passage 1 wins words by a mile and loses meaning by a hair: normalised fusion keeps it first.
        List<FusedHit> fused = NORMALISED.fuse(hits(1, 100, 2, 10), hits(2, 9, 1, 8, 3, 2), 10);

        assertThat(fused).extracting(FusedHit::passageId).containsExactly(1L, 2L, 3L);
        assertThat(fused.get(0).score()).isCloseTo(0.5f * 1 + 0.5f * (0.8f - 0.2f) / (0.9f - 0.2f), within(1e-6f));
        assertThat(fused.get(2).score()).isZero();
    }

    @Test
    void theWeightShiftsTheBalanceAndTheLimitHolds() {
        List<ScoredPassage> lexical = hits(1, 100, 2, 90);
        List<ScoredPassage> semantic = hits(2, 9, 1, 1);
        RankFusion wordsOnly = new RankFusion(RankFusion.Method.NORMALISED_SCORE, 1f, 60);
        RankFusion meaningOnly = new RankFusion(RankFusion.Method.NORMALISED_SCORE, 0f, 60);

        assertThat(wordsOnly.fuse(lexical, semantic, 1)).extracting(FusedHit::passageId).containsExactly(1L);
        assertThat(meaningOnly.fuse(lexical, semantic, 1)).extracting(FusedHit::passageId).containsExactly(2L);
    }

    @Test
    void emptyListsFuseToTheOtherOne() {
        assertThat(RRF.fuse(List.of(), hits(3, 5, 4, 4), 10)).extracting(FusedHit::passageId).containsExactly(3L, 4L);
        assertThat(NORMALISED.fuse(hits(3, 5), List.of(), 10)).extracting(FusedHit::passageId).containsExactly(3L);
        assertThat(RRF.fuse(List.of(), List.of(), 10)).isEmpty();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new RankFusion(RankFusion.Method.RECIPROCAL_RANK, 1.5f, 60))
                .hasMessageContaining("lexicalWeight");
        assertThatThrownBy(() -> new RankFusion(RankFusion.Method.RECIPROCAL_RANK, 0.5f, 0))
                .hasMessageContaining("rrfK");
    }
}
