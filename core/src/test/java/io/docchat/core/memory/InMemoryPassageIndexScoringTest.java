package io.docchat.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the in-memory index promises beyond the port: its exact BM25 parameters and its lifecycle. */
class InMemoryPassageIndexScoringTest {

    private static IndexedPassage passage(long id, String text) {
        return new IndexedPassage(id, "acme", id, List.of("f"), "", text);
    }

    private static SearchRequest query(String text) {
        return new SearchRequest("acme", text, Set.of(), Set.of(), 10);
    }

    @Test
    void scoresAreBm25WithK1PointNineAndBPointFour() {
        try (InMemoryPassageIndex index = new InMemoryPassageIndex()) {
            // Lengths in terms: 3, 1 and 1, so the average length is 5/3.
            index.add(List.of(passage(1, "pump pump valve"), passage(2, "valve"), passage(3, "motor")));

            List<ScoredPassage> pump = index.search(query("pump"));
            double idfPump = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
            double normLong = 0.9 * (1 - 0.4 + 0.4 * 3 / (5.0 / 3));
            assertThat(pump).hasSize(1);
            assertThat(pump.get(0).score()).isCloseTo((float) (idfPump * 2 * 1.9 / (2 + normLong)), within(1e-5f));

            List<ScoredPassage> valve = index.search(query("valve"));
            double idfValve = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
            double normShort = 0.9 * (1 - 0.4 + 0.4 * 1 / (5.0 / 3));
            assertThat(valve).extracting(ScoredPassage::passageId).containsExactly(2L, 1L);
            assertThat(valve.get(0).score()).isCloseTo((float) (idfValve * 1.9 / (1 + normShort)), within(1e-5f));
            assertThat(valve.get(1).score()).isCloseTo((float) (idfValve * 1.9 / (1 + normLong)), within(1e-5f));
        }
    }

    @Test
    void titleTermsCountLikeTextTerms() {
        try (InMemoryPassageIndex index = new InMemoryPassageIndex()) {
            index.add(List.of(new IndexedPassage(1, "acme", 1, List.of("f"), "pump", "valve"),
                    new IndexedPassage(2, "acme", 2, List.of("f"), "", "pump valve")));

            List<ScoredPassage> hits = index.search(query("pump"));
            assertThat(hits).hasSize(2);
            assertThat(hits.get(0).score()).isEqualTo(hits.get(1).score());
            assertThat(hits).extracting(ScoredPassage::passageId).containsExactly(1L, 2L);
        }
    }

    @Test
    void aRepeatedQueryWordCountsOnce() {
        try (InMemoryPassageIndex index = new InMemoryPassageIndex()) {
            index.add(List.of(passage(1, "pump"), passage(2, "valve")));

            assertThat(index.search(query("pump pump pump"))).isEqualTo(index.search(query("pump")));
        }
    }

    @Test
    void aClosedIndexRefusesWork() {
        InMemoryPassageIndex index = new InMemoryPassageIndex();
        index.add(List.of(passage(1, "pump")));
        index.close();

        assertThatThrownBy(() -> index.search(query("pump"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.add(List.of(passage(2, "valve")))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLimitBelowOneIsRejected() {
        try (InMemoryPassageIndex index = new InMemoryPassageIndex()) {
            assertThatThrownBy(() -> index.search(new SearchRequest("acme", "pump", Set.of(), Set.of(), 0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
