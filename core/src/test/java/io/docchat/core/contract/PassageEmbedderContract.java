package io.docchat.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.docchat.core.port.Embedding;
import io.docchat.core.port.VectorSpace;
import io.docchat.core.port.PassageEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link PassageEmbedder} must have. An adapter's test extends this class and implements
 * {@link #create()}, called once for the class (models are slow to load).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PassageEmbedderContract {

    protected static final String PRIMING = "Prime the pump with water before starting it.";
    protected static final String PRIMING_AGAIN = "Before the pump is started, it must be primed with water.";
    protected static final String INVOICE = "Invoices are payable within thirty days of receipt.";

    protected PassageEmbedder embedder;

    /** The embedder under test. */
    protected abstract PassageEmbedder create();

    @BeforeAll
    void createEmbedder() {
        embedder = create();
    }

    @AfterAll
    void closeEmbedder() {
        embedder.close();
    }

    @Test
    void namesItsModelAndSpaces() {
        assertThat(embedder.modelId()).isNotBlank();
        assertThat(embedder.spaces()).isNotEmpty();
        assertThat(embedder.spaces().stream().map(VectorSpace::name).distinct()).hasSameSizeAs(embedder.spaces());
    }

    @Test
    void givesOneUnitVectorPerTextInOrderInAKnownSpace() {
        List<String> texts = List.of(PRIMING, INVOICE, "Pumps.", PRIMING_AGAIN);
        List<Embedding> vectors = embedder.embedPassages(texts);

        assertThat(vectors).hasSize(texts.size());
        Map<String, Integer> dimensions = embedder.spaces().stream()
                .collect(Collectors.toMap(VectorSpace::name, VectorSpace::dimension));
        for (Embedding vector : vectors) {
            assertThat(dimensions).containsKey(vector.space());
            assertThat(vector.vector()).hasSize(dimensions.get(vector.space()));
            assertThat(norm(vector.vector())).isCloseTo(1.0, within(1e-3));
        }
        // In order: each position holds its own text's vector, as embedding it alone shows (batching may pad, which
        // moves a vector a little, never towards another text).
        for (int i = 0; i < texts.size(); i++) {
            Embedding alone = embedder.embedPassages(List.of(texts.get(i))).get(0);
            assertThat(alone.space()).isEqualTo(vectors.get(i).space());
            float own = alone.dot(vectors.get(i).vector());
            assertThat(own).isGreaterThan(0.99f);
            for (int j = 0; j < texts.size(); j++) {
                if (j != i && vectors.get(j).space().equals(alone.space())) {
                    assertThat(alone.dot(vectors.get(j).vector())).isLessThan(own);
                }
            }
        }
    }

    @Test
    void anEmptyBatchGivesNothing() {
        assertThat(embedder.embedPassages(List.of())).isEmpty();
    }

    @Test
    void similarTextsAreCloserThanUnrelatedOnes() {
        List<Embedding> v = embedder.embedPassages(List.of(PRIMING, PRIMING_AGAIN, INVOICE));
        assertThat(v.get(0).dot(v.get(1).vector())).isGreaterThan(v.get(0).dot(v.get(2).vector()));
    }

    @Test
    void aQueryFindsItsPassageInTheSameSpace() {
        List<Embedding> query = embedder.embedQuery("How do I prime the pump?");
        assertThat(query).isNotEmpty();
        List<Embedding> passages = embedder.embedPassages(List.of(PRIMING, INVOICE));
        Embedding sameSpace = query.stream().filter(q -> q.space().equals(passages.get(0).space())).findFirst()
                .orElseThrow();
        assertThat(norm(sameSpace.vector())).isCloseTo(1.0, within(1e-3));
        assertThat(sameSpace.dot(passages.get(0).vector())).isGreaterThan(sameSpace.dot(passages.get(1).vector()));
    }

    @Test
    void aBlankQueryGivesNoVector() {
        assertThat(embedder.embedQuery("  ")).isEmpty();
    }

    @Test
    void anInterruptedCallerIsCancelled() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add("Passage number " + i + " about pumps and valves.");
        }
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> embedder.embedPassages(many)).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
        // And it still works afterwards.
        assertThat(embedder.embedPassages(List.of(PRIMING))).hasSize(1);
    }

    @Test
    void concurrentCallersGetTheSameVectorsAsOne() throws Exception {
        List<String> texts = List.of(PRIMING, PRIMING_AGAIN, INVOICE);
        List<Embedding> expected = embedder.embedPassages(texts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Embedding>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> embedder.embedPassages(texts)));
            }
            for (Future<List<Embedding>> result : results) {
                List<Embedding> got = result.get(2, TimeUnit.MINUTES);
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(got.get(i).dot(expected.get(i).vector())).isGreaterThan(0.99f);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    protected static double norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
