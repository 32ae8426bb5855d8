package io.docchat.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.contract.ContractFixtures;
import io.docchat.core.memory.InMemoryKnowledgeStore;
import io.docchat.core.model.Document;
import io.docchat.core.model.EmbeddingProgress;
import io.docchat.core.model.Folder;
import io.docchat.core.port.NewPassage;
import io.docchat.core.model.Passage;
import io.docchat.core.port.StoredVector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundEmbedderTest {
    private final InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
    private final ContractFixtures fixtures = new ContractFixtures();
    private final AtomicInteger indexCalls = new AtomicInteger();

    private List<Passage> document(String name, int passages) {
        Folder folder = fixtures.folder("acme", "f-" + name);
        store.insertFolder(folder);
        Document document = store.insertDocument(fixtures.newDocument(folder, name));
        List<NewPassage> given = new ArrayList<>();
        for (int i = 0; i < passages; i++) {
            given.add(ContractFixtures.passage(i, "Passage " + i + " about pumps of " + name, 1, i + 1));
        }
        store.completeDocument(document.id(), List.of(ContractFixtures.page(1, "x", passages)), given, List.of());
        return store.passagesOfDocument(document.id());
    }

    @Test
    void embedsWhatIsWaitingAndThenWhatArrivesTellingTheIndexAfterEachBatch() throws Exception {
        List<Passage> first = document("a.txt", BackgroundEmbedder.BATCH + 5);
        HashingEmbedder model = new HashingEmbedder("m1");
        try (BackgroundEmbedder embedder = new BackgroundEmbedder(store, model, indexCalls::incrementAndGet)) {
            embedder.start();
            assertThat(embedder.awaitIdle(Duration.ofMinutes(1))).isTrue();
            assertThat(embedder.progress()).isEqualTo(new EmbeddingProgress(first.size(), first.size()));
            assertThat(indexCalls.get()).isEqualTo(2);

            List<Passage> second = document("b.txt", 3);
            embedder.wake();
            assertThat(embedder.awaitIdle(Duration.ofMinutes(1))).isTrue();
            assertThat(embedder.progress(second.get(0).documentId())).isEqualTo(new EmbeddingProgress(3, 3));
        }
        assertThat(model.embedded).hasSize(first.size() + 3);
        Map<Long, StoredVector> vectors = store.vectors(first.stream().map(Passage::id).toList());
        assertThat(vectors).hasSize(first.size());
        assertThat(vectors.values()).allMatch(v -> v.modelId().equals("m1"));
    }

    @Test
    void embedsTheHeadingPathWithTheText() {
        Passage passage = new Passage(1, 2, "acme", "f", 0, "Turn the valve.", List.of("Manual", "Valves"),
                List.of());
        assertThat(BackgroundEmbedder.textOf(passage)).isEqualTo("Manual / Valves\nTurn the valve.");
    }

    @Test
    void aNewModelReEmbedsEverythingAndRepeatsNothingFinished() throws Exception {
        List<Passage> passages = document("a.txt", 10);
        HashingEmbedder oldModel = new HashingEmbedder("old");
        try (BackgroundEmbedder embedder = new BackgroundEmbedder(store, oldModel, () -> { })) {
            embedder.start();
            assertThat(embedder.awaitIdle(Duration.ofMinutes(1))).isTrue();
        }
        HashingEmbedder newModel = new HashingEmbedder("new");
        try (BackgroundEmbedder embedder = new BackgroundEmbedder(store, newModel, () -> { })) {
            embedder.start();
            assertThat(embedder.awaitIdle(Duration.ofMinutes(1))).isTrue();
        }
        assertThat(newModel.embedded).hasSize(passages.size());
        // A restart with the same model finds nothing to do.
        HashingEmbedder again = new HashingEmbedder("new");
        try (BackgroundEmbedder embedder = new BackgroundEmbedder(store, again, () -> { })) {
            embedder.start();
            assertThat(embedder.awaitIdle(Duration.ofMinutes(1))).isTrue();
        }
        assertThat(again.embedded).isEmpty();
        assertThat(store.vectors(passages.stream().map(Passage::id).toList()).values())
                .allMatch(v -> v.modelId().equals("new"));
    }

    @Test
    void aFailingModelIsRetriedAndThePassagesWait() throws Exception {
        List<Passage> passages = document("a.txt", 4);
        HashingEmbedder model = new HashingEmbedder("m1");
        model.failuresLeft.set(1);
        try (BackgroundEmbedder embedder = new BackgroundEmbedder(store, model, () -> { })) {
            embedder.start();
            assertThat(embedder.awaitIdle(Duration.ofMinutes(1))).isTrue();
            assertThat(embedder.progress()).isEqualTo(new EmbeddingProgress(passages.size(), passages.size()));
        }
    }
}
