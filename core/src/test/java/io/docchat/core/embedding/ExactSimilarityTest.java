package io.docchat.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.docchat.core.DocChat;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.memory.InMemoryKnowledgeStore;
import io.docchat.core.memory.InMemoryPassageIndex;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.RetrievalMode;
import io.docchat.core.ranking.HybridRetriever;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hybrid retrieval gives every hit its cosine to the question, also a passage found by words alone outside the vector
 * search's candidates, and measures the knowledge base's background similarity (its 20th nearest passage).
 */
class ExactSimilarityTest {
    private static final String ME = "acme";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** More than the vector search's 100 candidates, each closer in meaning to the question than the bicycles. */
    private static final int CARS = 120;
    private static final String QUESTION = "automobile maintenance";
    private static final String BICYCLES = "Maintenance of bicycles happens weekly in spring.";

    private final HashingEmbedder embedder = new HashingEmbedder("syn", Map.of("automobile", "car"));

    @Test
    void aPassageFoundByWordsAloneCarriesItsExactCosine() throws Exception {
        try (DocChat docChat = DocChat.builder().knowledgeStore(new InMemoryKnowledgeStore())
                .passageIndex(new InMemoryPassageIndex()).passageEmbedder(embedder)
                .retrievalMode(RetrievalMode.HYBRID).build()) {
            Folder fleet = docChat.folders().create(ME, null, "fleet");
            Folder small = docChat.folders().create(ME, null, "small");
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < CARS; i++) {
                texts.add("The car " + (100 + i) + " is red.");
            }
            texts.add(BICYCLES);
            for (int i = 0; i < texts.size(); i++) {
                ingest(docChat, fleet, "doc" + i + ".txt", texts.get(i));
            }
            ingest(docChat, small, "bikes.txt", BICYCLES);
            ingest(docChat, small, "car.txt", texts.get(0));
            assertThat(docChat.retrieval().awaitEmbedded(WAIT)).isTrue();

            List<RetrievedPassage> hits = docChat.retrieval().search(ME,
                    new RetrievalRequest(QUESTION, Set.of(fleet.id()), Set.of(), 5));
            RetrievedPassage bikes = hits.stream().filter(h -> h.passage().text().contains("bicycles")).findFirst()
                    .orElseThrow();
            // Only "maintenance" matches its words: word search ranks it first, vector search not in its top 100.
            assertThat(hits.get(0)).isSameAs(bikes);
            double cosine = embedder.embedQuery(QUESTION).get(0).dot(embedder.embedPassages(
                    List.of(bikes.passage().text())).get(0).vector());
            assertThat(cosine).isBetween(0.05, cosineOfCar() - 0.01);
            assertThat(bikes.similarity()).isCloseTo(cosine, within(1e-5));

            // Every car is as close as the others: the 20th nearest is one of them.
            assertThat(hits.get(0).background()).isCloseTo(cosineOfCar(), within(1e-5));
            for (RetrievedPassage hit : hits) {
                assertThat(hit.background()).isEqualTo(hits.get(0).background());
            }
            // Two passages in scope: too few to measure the background.
            List<RetrievedPassage> few = docChat.retrieval().search(ME,
                    new RetrievalRequest(QUESTION, Set.of(small.id()), Set.of(), 5));
            assertThat(few).hasSize(2);
            assertThat(few.get(0).background()).isNaN();
            assertThat(few).allSatisfy(hit -> assertThat(hit.similarity()).isPositive());
        }
        assertThat(HybridRetriever.BACKGROUND_RANK).isLessThan(CARS);
    }

    private double cosineOfCar() {
        return embedder.embedQuery(QUESTION).get(0).dot(
                embedder.embedPassages(List.of("The car 100 is red.")).get(0).vector());
    }

    private static void ingest(DocChat docChat, Folder folder, String name, String text) {
        var document = docChat.documents().submit(ME, folder.id(), name, text.getBytes(StandardCharsets.UTF_8));
        assertThat(docChat.documents().awaitProcessed(ME, document.id(), WAIT).status())
                .isEqualTo(DocumentStatus.PARSING_COMPLETED);
    }
}
