package io.docchat.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.sqlite.SqliteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash recovery of the whole stack (SQLite store, Lucene index, file store, real parsers): a process ingesting
 * documents is killed with SIGKILL mid-way, and the next engine on the same directory must finish the work and leave
 * no document half visible, nothing deleted reachable, and an index that agrees with the store. The same checks follow
 * the other ways an index and a store drift apart: an index restored from an older copy, an index lost, a store
 * restored from an older copy, and more unfinished documents than the parsing queue holds.
 */
class CrashRecoveryTest {
    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);

    private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(30);
    private static final long CHILD_TIMEOUT_SECONDS = 60;
    private static final int BACKLOG_DOCUMENTS = 20;
    private static final int SMALL_QUEUE_CAPACITY = 2;

    @TempDir
    Path temporary;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void killedIngestionIsFinishedAndConsistentAfterRestart() throws Exception {
        Path data = temporary.resolve("data");
        Map<Long, ReportedDocument> submitted = new HashMap<>();
        Map<Long, ReportedDocument> deleting = new HashMap<>();
        Map<Long, ReportedDocument> deleted = new HashMap<>();

        KilledIngestion first = KilledIngestion.run(data, temporary, 1, 60, 12, CHILD_TIMEOUT_SECONDS);
        submitted.putAll(first.submitted());
        deleting.putAll(first.deleting());
        deleted.putAll(first.deleted());
        assertThat(first.deleted()).as("deletions reported before the first kill").isNotEmpty();
        recoverAndCheck(data, first, submitted, deleting, deleted);

        KilledIngestion second = KilledIngestion.run(data, temporary, 2, 40, 10, CHILD_TIMEOUT_SECONDS);
        submitted.putAll(second.submitted());
        deleting.putAll(second.deleting());
        deleted.putAll(second.deleted());
        assertThat(second.deleted().keySet()).as("the second run deletes documents of the first")
                .containsAnyElementsOf(first.submitted().keySet());
        recoverAndCheck(data, second, submitted, deleting, deleted);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void staleIndexIsRepairedAtStart() throws Exception {
        Path data = temporary.resolve("data");
        Map<Long, ReportedDocument> submitted = new HashMap<>();
        Map<Long, ReportedDocument> deleted = new HashMap<>();
        List<ReportedDocument> early;
        try (RecoveryStack stack = RecoveryStack.open(data)) {
            early = ingest(stack, 5, 15);
            deleteEvery(stack, early, 5, 0, deleted);
        }
        early.forEach(document -> submitted.put(document.id(), document));
        Path stale = temporary.resolve("stale-index");
        copyTree(RecoveryStack.indexDirectory(data), stale);

        try (RecoveryStack stack = RecoveryStack.open(data)) {
            List<ReportedDocument> late = ingest(stack, 6, 12);
            late.forEach(document -> submitted.put(document.id(), document));
            deleteEvery(stack, early, 5, 2, deleted);
            deleteEvery(stack, late, 4, 1, deleted);
        }
        replaceTree(stale, RecoveryStack.indexDirectory(data));
        assertThat(committedIndexSequence(data)).as("sequence of the stale index")
                .isLessThan(storeSequence(data));

        try (RecoveryStack stack = RecoveryStack.open(data)) {
            check(stack, submitted.values(), List.of(), deleted.values());
        }

        // An index lost altogether is rebuilt from the store just the same.
        deleteTree(RecoveryStack.indexDirectory(data));
        try (RecoveryStack stack = RecoveryStack.open(data)) {
            check(stack, submitted.values(), List.of(), deleted.values());
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void unfinishedDocumentsBeyondTheQueueCapacityAreAllResumed() throws Exception {
        Path data = temporary.resolve("data");
        List<ReportedDocument> submitted = new ArrayList<>();
        // One parsing thread and long documents: most are still queued when the engine closes, and stay PENDING.
        try (RecoveryStack stack = RecoveryStack.open(data, builder -> builder.ingestThreads(1))) {
            Folder folder = stack.docChat().folders().ensurePath(Account.LOCAL, "backlog");
            for (int index = 0; index < BACKLOG_DOCUMENTS; index++) {
                TestCorpus.GeneratedDocument generated = TestCorpus.longText(12, index, 120);
                Document document = stack.docChat().documents().submit(Account.LOCAL, folder.id(),
                        generated.fileName(), generated.content());
                submitted.add(new ReportedDocument(document.id(), document.fileKey(), document.fileName()));
            }
        }
        assertThat(unfinishedDocuments(data)).as("documents left unfinished at close")
                .isGreaterThan(SMALL_QUEUE_CAPACITY);

        try (RecoveryStack stack = RecoveryStack.open(data,
                builder -> builder.ingestThreads(1).ingestQueueCapacity(SMALL_QUEUE_CAPACITY))) {
            check(stack, submitted, List.of(), List.of());
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void indexAheadOfARestoredStoreIsRebuilt() throws Exception {
        Path data = temporary.resolve("data");
        List<ReportedDocument> early;
        try (RecoveryStack stack = RecoveryStack.open(data)) {
            early = ingest(stack, 13, 10);
        }
        Path backup = temporary.resolve("backup");
        copyDatabase(data, backup);
        List<ReportedDocument> late;
        try (RecoveryStack stack = RecoveryStack.open(data)) {
            late = ingest(stack, 14, 8);
        }
        // The store goes back in time, as when a backup is restored; the index stays ahead of it.
        copyDatabase(backup, data);
        assertThat(committedIndexSequence(data)).as("sequence of the index")
                .isGreaterThan(storeSequence(data));

        try (RecoveryStack stack = RecoveryStack.open(data)) {
            check(stack, early, List.of(), List.of());
            ConsistencyCheck check = new ConsistencyCheck(stack);
            for (ReportedDocument document : late) {
                String marker = TestCorpus.markerOfFileName(document.fileName()).orElseThrow();
                assertThat(check.rawSearch(marker)).as("hits for %s, which the restored store never had",
                        document.fileName()).isEmpty();
            }
        }
    }

    /**
     * After a kill: the database file is intact, the index is behind or level with the store, and a new engine
     * finishes every document and agrees with the store, before and after a full reindex.
     */
    private void recoverAndCheck(Path data, KilledIngestion killed, Map<Long, ReportedDocument> submitted,
            Map<Long, ReportedDocument> deleting, Map<Long, ReportedDocument> deleted) throws Exception {
        ConsistencyCheck.assertDatabaseIntact(RecoveryStack.databaseFile(data));
        long unfinished = unfinishedDocuments(data);
        long indexSequence = committedIndexSequence(data);
        long storeSequence = storeSequence(data);
        log.info("Killed after {} submitted, {} deleted, {} processed; {} documents unfinished, index at sequence {}"
                + " of the store's {}", killed.submitted().size(), killed.deleted().size(), killed.completed(),
                unfinished, indexSequence, storeSequence);
        assertThat(unfinished).as("documents left unfinished by the kill").isPositive();
        assertThat(indexSequence).as("sequence of the index left by the kill").isLessThanOrEqualTo(storeSequence);
        try (RecoveryStack stack = RecoveryStack.open(data)) {
            check(stack, submitted.values(), deleting.values(), deleted.values());
        }
        ConsistencyCheck.assertDatabaseIntact(RecoveryStack.databaseFile(data));
    }

    private static void check(RecoveryStack stack, Collection<ReportedDocument> submitted,
            Collection<ReportedDocument> deleting, Collection<ReportedDocument> deleted) throws IOException {
        ConsistencyCheck check = new ConsistencyCheck(stack);
        List<Document> documents = check.awaitAllProcessed(PROCESSING_LIMIT);
        assertThat(documents).isNotEmpty();
        check.assertConsistent(documents, submitted, deleting, deleted);
        List<Path> unreferenced = check.unreferencedFiles(documents);
        if (!unreferenced.isEmpty()) {
            log.info("{} files belong to no document: {}", unreferenced.size(), unreferenced);
        }
        Map<String, Set<Long>> before = check.markerHits(documents);
        stack.docChat().reindex();
        assertThat(check.markerHits(documents)).as("marker hits after a full reindex").isEqualTo(before);
    }

    /** Submits documents of a corpus cycle into two folders and waits until each is processed. */
    private static List<ReportedDocument> ingest(RecoveryStack stack, int cycle, int count) {
        Folder top = stack.docChat().folders().ensurePath(Account.LOCAL, "cycle" + cycle);
        Folder nested = stack.docChat().folders().ensurePath(Account.LOCAL, "cycle" + cycle + "/nested/deeper");
        List<ReportedDocument> documents = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            TestCorpus.GeneratedDocument generated = TestCorpus.document(cycle, index);
            Document document = stack.docChat().documents().submit(Account.LOCAL,
                    (index % 2 == 0 ? top : nested).id(), generated.fileName(), generated.content());
            documents.add(new ReportedDocument(document.id(), document.fileKey(), document.fileName()));
        }
        for (ReportedDocument document : documents) {
            Document processed = stack.docChat().documents().awaitProcessed(Account.LOCAL, document.id(),
                    PROCESSING_LIMIT);
            assertThat(processed.status()).as("status of %s", document.fileName())
                    .isEqualTo(DocumentStatus.PARSING_COMPLETED);
        }
        return documents;
    }

    private static void deleteEvery(RecoveryStack stack, List<ReportedDocument> documents, int every, int offset,
            Map<Long, ReportedDocument> deleted) {
        for (int i = offset; i < documents.size(); i += every) {
            ReportedDocument document = documents.get(i);
            stack.docChat().documents().delete(Account.LOCAL, document.id());
            deleted.put(document.id(), document);
        }
    }

    private static long unfinishedDocuments(Path data) {
        try (SqliteDatabase database = SqliteDatabase.open(RecoveryStack.databaseFile(data))) {
            return database.knowledgeStore()
                    .findDocumentsByStatus(EnumSet.of(DocumentStatus.PENDING, DocumentStatus.PARSING)).size();
        }
    }

    private static long storeSequence(Path data) {
        try (SqliteDatabase database = SqliteDatabase.open(RecoveryStack.databaseFile(data))) {
            return database.knowledgeStore().lastSequence();
        }
    }

    private static long committedIndexSequence(Path data) {
        try (LucenePassageIndex index = LucenePassageIndex.open(RecoveryStack.indexDirectory(data))) {
            return index.appliedSequence();
        }
    }

    /** Copies the closed database of one data directory over that of another. */
    private static void copyDatabase(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        String name = RecoveryStack.databaseFile(from).getFileName().toString();
        for (String suffix : List.of("-wal", "-shm")) {
            Files.deleteIfExists(to.resolve(name + suffix));
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(name)) {
                    Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    private static void replaceTree(Path source, Path target) throws IOException {
        deleteTree(target);
        copyTree(source, target);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator) {
                Files.delete(path);
            }
        }
    }
}
