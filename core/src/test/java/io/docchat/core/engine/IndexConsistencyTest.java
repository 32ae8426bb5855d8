package io.docchat.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.memory.InMemoryFileStore;
import io.docchat.core.memory.InMemoryKnowledgeStore;
import io.docchat.core.memory.InMemoryPassageIndex;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.port.FileStore;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The store is the truth and the index is derived: whatever the index missed (a crash between the store's commit
 * and the index's, a lost index, an index from elsewhere) is repaired from the store's change log.
 */
class IndexConsistencyTest {
    private static final String ME = "acme";

    private final KnowledgeStore store = new InMemoryKnowledgeStore();
    private final FileStore files = new InMemoryFileStore();
    private final RollbackIndex index = new RollbackIndex(new InMemoryPassageIndex());
    /** Passage id to document id of everything ingested, kept because the store forgets deleted passages. */
    private final Map<Long, Long> passageDocuments = new ConcurrentHashMap<>();

    @Test
    void startReplaysADeletionTheIndexMissed() {
        Document kept;
        Document lost;
        try (DocChat first = engine()) {
            Folder folder = first.folders().create(ME, null, "notes");
            kept = ingest(first, folder, "kept.txt", "The compressor hums quietly during the night shift.");
            lost = ingest(first, folder, "lost.txt", "The compressor rattles loudly when the filter is clogged.");
        }
        // The store commits a deletion but the process dies before the index hears of it: the deletion is made with
        // no engine running (made under a running one, its background applier could apply it before the close).
        store.deleteDocument(ME, lost.id());
        assertThat(indexedDocuments("compressor")).contains(lost.id());

        try (DocChat second = engine()) {
            assertThat(indexedDocuments("compressor")).containsExactly(kept.id());
            assertThat(index.appliedSequence()).isEqualTo(store.lastSequence());
        }
    }

    @Test
    void startReplaysPassagesWhenTheIndexRolledBack() {
        Document first;
        Document second;
        try (DocChat engine = engine()) {
            Folder folder = engine.folders().create(ME, null, "notes");
            first = ingest(engine, folder, "first.txt", "The heat exchanger needs descaling every spring.");
            second = ingest(engine, folder, "second.txt", "The heat exchanger valve was replaced in June.");
        }
        index.clear();
        index.rollBackTo(0);
        assertThat(indexedDocuments("heat exchanger")).isEmpty();

        try (DocChat engine = engine()) {
            assertThat(indexedDocuments("heat exchanger")).containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(index.appliedSequence()).isEqualTo(store.lastSequence());
        }
    }

    @Test
    void replayingChangesTheIndexAlreadyHasDoesNotDuplicatePassages() {
        try (DocChat engine = engine()) {
            Folder folder = engine.folders().create(ME, null, "notes");
            ingest(engine, folder, "only.txt", "The boiler pressure should stay below two bar.");
        }
        int hits = index.search(new SearchRequest(ME, "boiler pressure", Set.of(), Set.of(), 50)).size();
        index.rollBackTo(0);

        try (DocChat engine = engine()) {
            assertThat(index.search(new SearchRequest(ME, "boiler pressure", Set.of(), Set.of(), 50))).hasSize(hits);
        }
    }

    @Test
    void writesSucceedWhileTheIndexFailsAndTheIndexCatchesUpLater() {
        try (DocChat engine = engine()) {
            Folder folder = engine.folders().create(ME, null, "notes");
            Document early = ingest(engine, folder, "early.txt", "The chimney damper sticks in cold weather.");
            index.failWrites(true);
            Document missed = ingest(engine, folder, "missed.txt", "The chimney liner was inspected in March.");
            engine.documents().delete(ME, early.id());
            assertThat(indexedDocuments("chimney")).containsExactly(early.id());

            index.failWrites(false);
            Document later = ingest(engine, folder, "later.txt", "The chimney cap keeps birds out.");

            assertThat(indexedDocuments("chimney")).containsExactlyInAnyOrder(missed.id(), later.id());
        }
    }

    @Test
    void reindexRebuildsFromTheStore() {
        try (DocChat engine = engine()) {
            Folder folder = engine.folders().create(ME, null, "notes");
            Document doc = ingest(engine, folder, "turbine.txt", "The turbine blades are inspected every month.");
            Document gone = ingest(engine, folder, "gone.txt", "The turbine shaft was balanced last year.");
            engine.documents().delete(ME, gone.id());
            // The index is lost under a running engine only once the engine has applied and committed the
            // deletion: an applier still due to run would replay the cleared index from the start by itself.
            awaitCommitted(store.lastSequence());
            index.clear();
            assertThat(indexedDocuments("turbine")).isEmpty();

            engine.reindex();

            assertThat(indexedDocuments("turbine")).containsExactly(doc.id());
            assertThat(index.appliedSequence()).isEqualTo(store.lastSequence());
        }
    }

    @Test
    void anIndexAheadOfTheStoreIsRebuilt() {
        try (DocChat engine = engine()) {
            Folder folder = engine.folders().create(ME, null, "notes");
            ingest(engine, folder, "pump.txt", "The sump pump starts when the float rises.");
        }
        // The same index opened with an empty store: it describes data that this store does not have.
        KnowledgeStore emptyStore = new InMemoryKnowledgeStore();
        try (DocChat engine = DocChat.builder().knowledgeStore(emptyStore).passageIndex(index).fileStore(files).build()) {
            assertThat(indexedDocuments("sump pump")).isEmpty();
            assertThat(index.appliedSequence()).isZero();
        }
    }

    @Test
    void searchScopedToAParentFolderFindsPassagesOfSubfolders() {
        try (DocChat engine = engine()) {
            Folder top = engine.folders().create(ME, null, "plant");
            Folder middle = engine.folders().create(ME, top.id(), "hall-a");
            Folder leaf = engine.folders().create(ME, middle.id(), "line-3");
            Document deep = ingest(engine, leaf, "line3.txt", "The conveyor belt of line three slips when wet.");

            for (Folder scope : List.of(top, middle, leaf)) {
                List<ScoredPassage> hits = index.search(new SearchRequest(ME, "conveyor belt", Set.of(scope.id()), Set.of(), 5));
                assertThat(hits).as(scope.name()).isNotEmpty();
            }
            assertThat(indexedDocuments("conveyor")).containsExactly(deep.id());
        }
    }

    private DocChat engine() {
        return DocChat.builder().knowledgeStore(store).passageIndex(index).fileStore(files).build();
    }

    /** The documents whose passages the index returns, mapped through what was ingested (deleted ones included). */
    private List<Long> indexedDocuments(String query) {
        return index.search(new SearchRequest(ME, query, Set.of(), Set.of(), 50)).stream()
                .map(hit -> passageDocuments.get(hit.passageId())).distinct().toList();
    }

    private void awaitCommitted(long sequence) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (index.committedSequence() < sequence) {
            assertThat(System.nanoTime()).as("the index committed sequence %d", sequence).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private Document ingest(DocChat engine, Folder folder, String name, String text) {
        Document submitted = engine.documents().submit(ME, folder.id(), name, text.getBytes(StandardCharsets.UTF_8));
        Document done = engine.documents().awaitProcessed(ME, submitted.id(), Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
        store.passagesOfDocument(done.id()).forEach(p -> passageDocuments.put(p.id(), p.documentId()));
        return done;
    }
}
