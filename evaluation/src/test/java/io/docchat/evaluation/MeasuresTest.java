package io.docchat.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MeasuresTest {

    @Test
    void recallAndMrrFollowTheirDefinitions() {
        RankMetrics metrics = new RankMetrics();
        for (int rank : new int[] {1, 2, 6, 0, 11}) {
            metrics.add(rank);
        }
        assertThat(metrics.questions()).isEqualTo(5);
        assertThat(metrics.recallAt1()).isEqualTo(0.2);
        assertThat(metrics.recallAt5()).isEqualTo(0.4);
        assertThat(metrics.recallAt10()).isEqualTo(0.6);
        assertThat(metrics.mrrAt10()).isCloseTo((1 + 0.5 + 1.0 / 6) / 5, within(1e-12));
    }

    @Test
    void ndcgAndRecallAt10CountEveryRelevantItem() {
        RankMetrics metrics = new RankMetrics();
        // Two relevant items, found at ranks 1 and 3: DCG 1 + 1/log2(4), ideal 1 + 1/log2(3).
        metrics.add(List.of("a", "x", "b", "y"), Set.of("a", "b"));
        // Three relevant, one found at rank 2.
        metrics.add(List.of("x", "c", "y"), Set.of("c", "d", "e"));
        double first = (1 + 1 / log2(4)) / (1 + 1 / log2(3));
        double second = (1 / log2(3)) / (1 + 1 / log2(3) + 1 / log2(4));
        assertThat(metrics.ndcgAt10()).isCloseTo((first + second) / 2, within(1e-12));
        assertThat(metrics.recallAt10()).isCloseTo((1.0 + 1.0 / 3) / 2, within(1e-12));
        assertThat(metrics.recallAt1()).isEqualTo(0.5);
        assertThat(metrics.mrrAt10()).isCloseTo((1 + 0.5) / 2, within(1e-12));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void f1IsTokenF1ForEnglishAndCharacterF1ForChinese() {
        // Answer tokens: denver broncos won game (articles and punctuation dropped); gold: denver broncos.
        assertThat(TextMatch.bestF1("The Denver Broncos won the game.", List.of("Denver Broncos")))
                .isCloseTo(2 * 0.5 * 1.0 / 1.5, within(1e-12));
        assertThat(TextMatch.bestF1("Denver Broncos", List.of("Carolina Panthers", "the Denver Broncos"))).isEqualTo(1.0);
        assertThat(TextMatch.bestF1("No related content found.", List.of("Denver Broncos"))).isZero();
        // 4 characters answered, 2 of them gold (of 2): precision 0.5, recall 1.
        assertThat(TextMatch.bestF1("答案梵語。", List.of("梵語"))).isCloseTo(2 * 0.5 / 1.5, within(1e-12));
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 42L, 1234L);
    }

    /** Nearest-rank percentiles agree with sorting the values and picking ceil(p/100 * n). */
    @ParameterizedTest
    @MethodSource("seeds")
    void percentilesAreNearestRank(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(500);
        long[] values = new long[n];
        Latencies latencies = new Latencies();
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(1_000_000_000);
            latencies.add(values[i]);
        }
        java.util.Arrays.sort(values);
        for (double p : new double[] {50, 95, 99, 100}) {
            int index = (int) Math.ceil(p / 100 * n) - 1;
            assertThat(latencies.percentileMillis(p)).isEqualTo(values[index] / 1e6);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DENVER broncos", "Denver\n  Broncos", "ｄｅｎｖｅｒ Broncos"})
    void spanMatchingIgnoresCaseWidthAndWhitespace(String span) {
        assertThat(TextMatch.containsAny("The Denver Broncos won the game.", List.of(span))).isTrue();
    }

    @Test
    void spanMatchingComparesChineseByCharactersAndRejectsMisses() {
        assertThat(TextMatch.containsAny("答案是光荣 和 ω-force 合作开发", List.of("光荣和ω-force"))).isTrue();
        assertThat(TextMatch.containsAny("The Denver Broncos", List.of("Carolina Panthers", ""))).isFalse();
    }
}
