package io.docchat.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.port.Embedding;
import io.docchat.core.port.PassageEmbedder;
import io.docchat.core.port.VectorSpace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vector cache over a counting embedder: what a run computed, the next run over the same texts reads. */
class VectorCachingEmbedderTest {

    @TempDir
    Path temp;

    /** Vectors from the letters of the text (similar texts, similar vectors), counting every text embedded. */
    static final class LetterEmbedder implements PassageEmbedder {
        final AtomicInteger embedded = new AtomicInteger();
        private final String modelId;

        LetterEmbedder(String modelId) {
            this.modelId = modelId;
        }

        @Override
        public String modelId() {
            return modelId;
        }

        @Override
        public List<VectorSpace> spaces() {
            return List.of(new VectorSpace("letters", 27));
        }

        @Override
        public List<Embedding> embedPassages(List<String> texts) {
            embedded.addAndGet(texts.size());
            return texts.stream().map(LetterEmbedder::vector).toList();
        }

        @Override
        public List<Embedding> embedQuery(String text) {
            embedded.incrementAndGet();
            return List.of(vector(text));
        }

        private static Embedding vector(String text) {
            float[] v = new float[27];
            for (char c : text.toLowerCase().toCharArray()) {
                v[c >= 'a' && c <= 'z' ? c - 'a' : 26]++;
            }
            return new Embedding("letters", Embedding.normalize(v));
        }
    }

    private QaSet set() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("pumps"));
        List<String> passages = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            passages.add("{\"pid\": \"p" + i + "\", \"title\": \"t\", \"text\": \"The pump model " + i
                    + " costs " + (100 * i + 7) + " dollars and ships in " + i + " weeks.\"}");
            questions.add("{\"qid\": \"" + i + "\", \"question\": \"How much does pump model " + i + " cost?\","
                    + " \"answers\": [\"" + (100 * i + 7) + " dollars\"], \"pid\": \"p" + i + "\","
                    + " \"is_impossible\": false}");
        }
        return QaSet.load("pumps", Files.write(dir.resolve("passages.jsonl"), passages, StandardCharsets.UTF_8),
                Files.write(dir.resolve("questions.jsonl"), questions, StandardCharsets.UTF_8));
    }

    private QaReport run(QaSet set, PassageEmbedder embedder) throws Exception {
        try (DocChat docChat = DocChat.builder().passageEmbedder(embedder).build()) {
            return new QaEvaluation(docChat, Account.LOCAL, message -> { })
                    .run(List.of(set), new QaEvaluation.Options(0, 1, false, null));
        }
    }

    @Test
    void aSecondEvaluationRunComputesNoVector() throws Exception {
        QaSet set = set();
        Path cache = temp.resolve("cache");
        LetterEmbedder first = new LetterEmbedder("letters-v1");
        QaReport before = run(set, new VectorCachingEmbedder(first, cache));
        assertThat(first.embedded.get()).isGreaterThanOrEqualTo(6 + 6);

        LetterEmbedder second = new LetterEmbedder("letters-v1");
        VectorCachingEmbedder cached = new VectorCachingEmbedder(second, cache);
        QaReport after = run(set, cached);
        assertThat(second.embedded.get()).isZero();
        assertThat(cached.computed()).isZero();
        assertThat(after.sets().get(0).cited().recallAt1()).isEqualTo(before.sets().get(0).cited().recallAt1());
    }

    @Test
    void anotherModelIdReadsNoneOfTheVectors() {
        Path cache = temp.resolve("cache");
        LetterEmbedder first = new LetterEmbedder("letters-v1");
        new VectorCachingEmbedder(first, cache).embedPassages(List.of("alpha", "beta"));
        LetterEmbedder other = new LetterEmbedder("letters-v2");
        new VectorCachingEmbedder(other, cache).embedPassages(List.of("alpha", "beta"));
        assertThat(other.embedded.get()).isEqualTo(2);
    }

    @Test
    void givesTheModelsVectorsInOrderAndEmbedsOnlyTheNewTexts() {
        Path cache = temp.resolve("cache");
        LetterEmbedder model = new LetterEmbedder("letters-v1");
        VectorCachingEmbedder embedder = new VectorCachingEmbedder(model, cache);
        embedder.embedPassages(List.of("alpha", "gamma"));
        List<Embedding> mixed = embedder.embedPassages(List.of("beta", "alpha", "delta"));
        assertThat(model.embedded.get()).isEqualTo(4);
        assertThat(mixed).containsExactly(LetterEmbedder.vector("beta"), LetterEmbedder.vector("alpha"),
                LetterEmbedder.vector("delta"));
        embedder.close();

        LetterEmbedder reopened = new LetterEmbedder("letters-v1");
        assertThat(new VectorCachingEmbedder(reopened, cache).embedQuery("beta"))
                .containsExactly(LetterEmbedder.vector("beta"));
        assertThat(reopened.embedded.get()).as("a query is cached apart from a passage of the same text").isOne();
    }

    @Test
    void aRecordCutShortIsDroppedAndTheCacheStaysUsable() throws Exception {
        Path cache = temp.resolve("cache");
        VectorCachingEmbedder embedder = new VectorCachingEmbedder(new LetterEmbedder("letters-v1"), cache);
        embedder.embedPassages(List.of("alpha", "beta"));
        embedder.close();
        Path file;
        try (var files = Files.list(cache)) {
            file = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));

        LetterEmbedder model = new LetterEmbedder("letters-v1");
        VectorCachingEmbedder repaired = new VectorCachingEmbedder(model, cache);
        repaired.embedPassages(List.of("alpha", "beta", "gamma"));
        assertThat(model.embedded.get()).as("beta was cut short, gamma is new").isEqualTo(2);
        repaired.close();

        LetterEmbedder last = new LetterEmbedder("letters-v1");
        new VectorCachingEmbedder(last, cache).embedPassages(List.of("alpha", "beta", "gamma"));
        assertThat(last.embedded.get()).isZero();
    }
}
