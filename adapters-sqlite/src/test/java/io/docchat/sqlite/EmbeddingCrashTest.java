package io.docchat.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.EmbeddingProgress;
import io.docchat.core.model.Passage;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.StoredVector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the engine with SIGKILL while it embeds in the background, then starts it again on the same database: the
 * second run must embed exactly the passages whose vectors were not stored, none of those that were, and finish.
 */
class EmbeddingCrashTest {
    private static final int EMBEDDED_BEFORE_KILL = 40;

    @TempDir
    Path directory;

    @Test
    void aKilledEmbedderLosesNothingAndRepeatsNoStoredWork() throws Exception {
        Path file = directory.resolve("docchat.db");

        List<String> firstRun = run(file, "ingest", EMBEDDED_BEFORE_KILL);

        Set<String> stored = new HashSet<>();
        long total;
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            KnowledgeStore store = database.knowledgeStore();
            List<Long> ids = new ArrayList<>();
            for (StoredVector vector : store.vectorsSince(0, 1_000_000)) {
                ids.add(vector.passageId());
            }
            for (Passage passage : store.passages(ids)) {
                stored.add(passage.text().replace('\n', ' '));
            }
            EmbeddingProgress progress = store.embeddingProgress(EmbeddingCrashChild.MODEL);
            total = progress.passages();
            assertThat(progress.embedded()).isEqualTo(stored.size());
        }
        assertThat(firstRun).as("texts embedded before the kill").hasSizeGreaterThanOrEqualTo(EMBEDDED_BEFORE_KILL);
        assertThat(stored).as("vectors stored before the kill").isNotEmpty();
        assertThat((long) stored.size()).as("the kill came before the end").isLessThan(total);

        List<String> secondRun = run(file, "resume", -1);

        assertThat(secondRun).last().asString().startsWith("idle found ").doesNotEndWith(" found 0");
        List<String> reembedded = secondRun.subList(0, secondRun.size() - 1);
        assertThat(reembedded).as("stored work embedded again").doesNotContainAnyElementsOf(stored);
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            EmbeddingProgress progress = database.knowledgeStore().embeddingProgress(EmbeddingCrashChild.MODEL);
            assertThat(progress.complete()).isTrue();
            assertThat(progress.passages()).isGreaterThanOrEqualTo(total);
            assertThat((long) stored.size() + reembedded.size()).isGreaterThanOrEqualTo(progress.passages());
        }
    }

    /**
     * Runs the child; with {@code killAfter >= 0}, kills it once it printed that many embedded texts. Returns the
     * embedded texts it printed, and its last other line.
     */
    private List<String> run(Path file, String mode, int killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddingCrashChild.class.getName(), file.toString(), mode);
        builder.redirectError(directory.resolve("child-" + mode + ".err").toFile());
        Process child = builder.start();
        List<String> embedded = new CopyOnWriteArrayList<>();
        List<String> other = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("embedded ")) {
                        embedded.add(line.substring("embedded ".length()));
                        if (killAfter >= 0 && embedded.size() >= killAfter) {
                            enough.countDown();
                        }
                    } else {
                        other.add(line);
                    }
                }
            } catch (IOException e) {
                // The stream breaks when the child is killed.
            }
        });
        reader.start();
        try {
            if (killAfter >= 0) {
                assertThat(enough.await(180, TimeUnit.SECONDS)).as("child embedded %d texts", killAfter).isTrue();
                assertThat(child.isAlive()).as("child still running when killed").isTrue();
                child.destroyForcibly();
            }
            assertThat(child.waitFor(240, TimeUnit.SECONDS)).as("child ended").isTrue();
        } finally {
            child.destroyForcibly();
            reader.join(10_000);
        }
        List<String> out = new ArrayList<>(embedded);
        if (killAfter < 0) {
            out.add(other.isEmpty() ? "" : other.get(other.size() - 1));
        }
        return out;
    }
}
