package io.docchat.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Passage;
import io.docchat.core.model.ResultPage;
import io.docchat.core.port.KnowledgeChange;
import io.docchat.core.port.KnowledgeStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM writes documents through the store and is killed with SIGKILL at a random moment, twice, the second
 * writer resuming on the file the first one left. After each kill the reopened database must be intact: every document
 * complete with all its pages and passages, or still PENDING/PARSING with none; no orphan rows; a consistent change log.
 */
class DurabilityTest {
    private static final String FOLDER = "00000000000000000000000000d0ab1e";
    private static final int COMPLETIONS_BEFORE_KILL = 25;

    @TempDir
    Path directory;

    @Test
    void killedWriterLeavesOnlyWholeDocuments() throws Exception {
        Path file = directory.resolve("docchat.db");
        Random random = new Random(20250101);
        int nextNumber = 0;
        for (int round = 0; round < 2; round++) {
            int written = runAndKill(file, nextNumber, random.nextInt(40));
            assertThat(written).as("documents completed by writer %d before the kill", round)
                    .isGreaterThanOrEqualTo(COMPLETIONS_BEFORE_KILL);
            nextNumber += 10_000;
            verify(file);
        }
    }

    /** Starts a writer, waits for enough completions plus a random delay, kills it; returns completions seen. */
    private int runAndKill(Path file, int firstNumber, int extraMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DurabilityWriter.class.getName(), file.toString(), FOLDER, Integer.toString(firstNumber));
        builder.redirectError(directory.resolve("writer-" + firstNumber + ".err").toFile());
        Process writer = builder.start();
        AtomicInteger completions = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("completed ") && completions.incrementAndGet() >= COMPLETIONS_BEFORE_KILL) {
                        enough.countDown();
                    }
                }
            } catch (IOException e) {
                // The stream breaks when the writer is killed.
            }
        });
        reader.start();
        try {
            assertThat(enough.await(120, TimeUnit.SECONDS))
                    .as("writer completed %d documents before the deadline", COMPLETIONS_BEFORE_KILL).isTrue();
            Thread.sleep(extraMillis);
            assertThat(writer.isAlive()).as("writer still running when killed").isTrue();
        } finally {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
        return completions.get();
    }

    private void verify(Path file) throws SQLException {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(single(raw, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(single(raw, "SELECT COUNT(*) FROM passage WHERE document_id NOT IN (SELECT id FROM document)"))
                    .as("orphan passages").isEqualTo("0");
            assertThat(single(raw, "SELECT COUNT(*) FROM page WHERE document_id NOT IN (SELECT id FROM document)"))
                    .as("orphan pages").isEqualTo("0");
            assertThat(single(raw, "SELECT COUNT(*) FROM pragma_foreign_key_check")).isEqualTo("0");
        }
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            KnowledgeStore store = database.knowledgeStore();
            List<Document> documents = allDocuments(store);
            assertThat(documents).isNotEmpty();
            Set<Long> livePassageIds = new HashSet<>();
            int complete = 0;
            for (Document document : documents) {
                List<Passage> passages = store.passagesOfDocument(document.id());
                if (document.status() == DocumentStatus.PARSING_COMPLETED) {
                    complete++;
                    DurabilityWriter.Expected expected = DurabilityWriter.Expected.of(document.fileName());
                    assertThat(passages).as("passages of %s", document.fileName()).hasSize(expected.passages());
                    assertThat(store.pages(document.id())).as("pages of %s", document.fileName())
                            .hasSize(expected.pages());
                    assertThat(document.pageCount()).isEqualTo(expected.pages());
                    passages.forEach(p -> livePassageIds.add(p.id()));
                } else {
                    assertThat(document.status()).as("status of %s", document.fileName())
                            .isIn(DocumentStatus.PENDING, DocumentStatus.PARSING);
                    assertThat(passages).as("passages of unfinished %s", document.fileName()).isEmpty();
                    assertThat(store.pages(document.id())).isEmpty();
                }
            }
            assertThat(complete).isGreaterThanOrEqualTo(COMPLETIONS_BEFORE_KILL / 2);
            verifyChangeLog(store, documents, livePassageIds);
        }
    }

    private static void verifyChangeLog(KnowledgeStore store, List<Document> documents, Set<Long> livePassageIds) {
        Set<Long> documentIds = new HashSet<>();
        documents.forEach(d -> documentIds.add(d.id()));
        Set<Long> addedIds = new HashSet<>();
        long cursor = 0;
        while (true) {
            List<KnowledgeChange> batch = store.changesSince(cursor, 1_000);
            if (batch.isEmpty()) {
                break;
            }
            for (KnowledgeChange change : batch) {
                assertThat(change.sequence()).isGreaterThan(cursor);
                cursor = change.sequence();
                if (change instanceof KnowledgeChange.PassageAdded added) {
                    assertThat(documentIds).contains(added.passage().documentId());
                    addedIds.add(added.passage().id());
                } else if (change instanceof KnowledgeChange.DocumentRemoved removed) {
                    assertThat(documentIds).doesNotContain(removed.documentId());
                }
            }
        }
        assertThat(addedIds).isEqualTo(livePassageIds);
        assertThat(store.lastSequence()).isEqualTo(cursor);
    }

    private static List<Document> allDocuments(KnowledgeStore store) {
        List<Document> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            ResultPage<Document> result = store.listDocuments(DurabilityWriter.ACCOUNT, null, new PageRequest(page, 100));
            all.addAll(result.items());
            if (page >= result.totalPages()) {
                return all;
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
