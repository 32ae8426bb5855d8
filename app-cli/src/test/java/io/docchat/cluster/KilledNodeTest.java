package io.docchat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Passage;
import io.docchat.postgres.PostgresStorage;
import io.docchat.postgres.ThrowawayPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node is killed with SIGKILL while it parses the documents submitted to it; another node running on the same
 * database takes the work over (what was never started as soon as it is idle, what was being parsed once its lease runs
 * out) and finishes it.
 * Nothing is lost or parsed twice, and both nodes' index replicas hold exactly the database's passages.
 */
class KilledNodeTest {
    private static final int DOCUMENTS = 16;
    private static final int COMPLETED_BEFORE_KILL = 3;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path temp;

    @Test
    void theSurvivingNodeFinishesTheKilledNodesDocumentsExactlyOnce() throws Exception {
        String url = ThrowawayPostgres.shared().newDatabase();
        Path homeA = temp.resolve("node-a");
        Path errors = temp.resolve("node-a.err");
        Set<Long> submitted = ConcurrentHashMap.newKeySet();
        List<Document> atKill;
        // Node B runs beside node A from the start, as in a cluster: it takes what A has not started when it is idle.
        try (ClusterEngine nodeB = ClusterEngine.open(url, temp.resolve("node-b"), Duration.ZERO)) {
            PostgresStorage observer = nodeB.storage();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process nodeA = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    IngestingNode.class.getName(), url, homeA.toString(), Integer.toString(DOCUMENTS))
                    .redirectError(errors.toFile())
                    .start();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(nodeA.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("submitted ")) {
                            submitted.add(Long.parseLong(line.substring("submitted ".length())));
                        }
                    }
                } catch (java.io.IOException e) {
                    // The pipe breaks when the node dies.
                }
            }, "node-a-reader");
            reader.start();
            try {
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (!(submitted.size() == DOCUMENTS && completed(observer) >= COMPLETED_BEFORE_KILL)
                        && nodeA.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(nodeA.isAlive()).as("node A died by itself: %s", Files.readString(errors)).isTrue();
                assertThat(submitted).as("node A's errors: %s", Files.readString(errors)).hasSize(DOCUMENTS);
            } finally {
                nodeA.destroyForcibly();
                nodeA.waitFor(30, TimeUnit.SECONDS);
                reader.join(10_000);
            }
            atKill = observer.knowledgeStore().findDocumentsByStatus(EnumSet.allOf(DocumentStatus.class));
            long unfinishedAtKill = atKill.stream().filter(d -> !d.status().isFinal()).count();
            assertThat(unfinishedAtKill).as("node A must be killed while it still has work").isPositive();

            List<Document> all = awaitAllFinal(nodeB);
            assertThat(all).extracting(Document::id).containsExactlyInAnyOrderElementsOf(submitted);
            assertThat(all).allSatisfy(d -> assertThat(d.status()).isEqualTo(DocumentStatus.PARSING_COMPLETED));
            assertIndexEqualsStore(nodeB, all);
        }
        // Node A, started again on its own data directory, brings its replica up to date with the database.
        try (ClusterEngine nodeA = ClusterEngine.open(url, homeA, Duration.ZERO)) {
            List<Document> all = awaitAllFinal(nodeA);
            assertIndexEqualsStore(nodeA, all);
        }
    }

    private static long completed(PostgresStorage storage) {
        return storage.knowledgeStore().findDocumentsByStatus(EnumSet.of(DocumentStatus.PARSING_COMPLETED)).size();
    }

    private static List<Document> awaitAllFinal(ClusterEngine node) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Document> all;
        do {
            Thread.sleep(50);
            all = node.storage().knowledgeStore().findDocumentsByStatus(EnumSet.allOf(DocumentStatus.class));
        } while ((all.stream().anyMatch(d -> !d.status().isFinal()) || !node.indexCaughtUp())
                && System.nanoTime() < deadline);
        return all;
    }

    /** Every document's marker finds exactly its passages in the node's replica: none missing, none stale or twice. */
    private static void assertIndexEqualsStore(ClusterEngine node, List<Document> documents) {
        assertThat(node.indexCaughtUp()).as("the replica applied every change").isTrue();
        SoftAssertions softly = new SoftAssertions();
        for (Document document : documents) {
            List<Passage> passages = node.storage().knowledgeStore().passagesOfDocument(document.id());
            int index = Integer.parseInt(document.fileName().replaceAll("\\D", ""));
            softly.assertThat(passages).as("passages of %s", document.fileName()).isNotEmpty();
            softly.assertThat(passages).extracting(Passage::ordinal).as("ordinals of %s", document.fileName())
                    .doesNotHaveDuplicates();
            softly.assertThat(node.rawSearch(IngestingNode.marker(index)))
                    .as("replica hits for %s", document.fileName())
                    .containsExactlyInAnyOrderElementsOf(passages.stream().map(Passage::id).toList());
        }
        softly.assertAll();
    }
}
