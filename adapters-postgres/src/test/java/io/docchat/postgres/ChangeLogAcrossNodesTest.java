package io.docchat.postgres;

import static io.docchat.core.contract.ContractFixtures.page;
import static io.docchat.core.contract.ContractFixtures.passage;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.contract.ContractFixtures;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.port.KnowledgeChange;
import io.docchat.core.port.NewPassage;
import io.docchat.core.port.KnowledgeStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two pools on one database) complete and delete documents at once while a follower reads the change log
 * the way an index replica does: from its cursor onwards, never going back. If a sequence could become visible before a
 * smaller one, the follower would step over the smaller one and miss it for good; it must miss nothing.
 */
class ChangeLogAcrossNodesTest {
    private static final int DOCUMENTS_PER_NODE = 40;

    private final ContractFixtures fixtures = new ContractFixtures();
    private PostgresStorage nodeA;
    private PostgresStorage nodeB;
    private PostgresStorage follower;

    @BeforeEach
    void open() {
        String url = ThrowawayPostgres.shared().newDatabase();
        nodeA = PostgresStorage.open(url);
        nodeB = PostgresStorage.open(url);
        follower = PostgresStorage.open(url);
    }

    @AfterEach
    void close() {
        for (PostgresStorage storage : new PostgresStorage[] {nodeA, nodeB, follower}) {
            if (storage != null) {
                storage.close();
            }
        }
    }

    @Test
    void aFollowerReadingFromItsCursorSeesEveryChangeOfEveryNode() throws Exception {
        Folder folder = fixtures.folder("acme", "shared");
        nodeA.knowledgeStore().insertFolder(folder);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            KnowledgeStore store = (w % 2 == 0 ? nodeA : nodeB).knowledgeStore();
            long seed = w;
            work.add(writers.submit(() -> writeDocuments(store, folder, new Random(seed))));
        }
        Set<Long> seenPassages = new HashSet<>();
        Set<Long> seenRemovals = new HashSet<>();
        long cursor = 0;
        Future<?> allDone = writers.submit(() -> {
            for (Future<?> f : work) {
                f.get();
            }
            writing.set(false);
            return null;
        });
        writers.shutdown();
        KnowledgeStore reader = follower.knowledgeStore();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            boolean last = !writing.get();
            for (KnowledgeChange change : reader.changesSince(cursor, 50)) {
                assertThat(change.sequence()).isGreaterThan(cursor);
                cursor = change.sequence();
                if (change instanceof KnowledgeChange.PassageAdded added) {
                    seenPassages.add(added.passage().id());
                } else if (change instanceof KnowledgeChange.DocumentRemoved removed) {
                    seenRemovals.add(removed.sequence());
                }
            }
            if (last && cursor == reader.lastSequence()) {
                break;
            }
        }
        allDone.get(2, TimeUnit.MINUTES);

        Set<Long> everyPassage = new HashSet<>();
        Set<Long> everyRemoval = new HashSet<>();
        for (KnowledgeChange change : reader.changesSince(0, 1_000_000)) {
            if (change instanceof KnowledgeChange.PassageAdded added) {
                everyPassage.add(added.passage().id());
            } else {
                everyRemoval.add(change.sequence());
            }
        }
        assertThat(everyPassage).isNotEmpty();
        assertThat(everyRemoval).isNotEmpty();
        // Passages of documents deleted later are not in the final log, but the follower saw them before.
        assertThat(seenPassages).containsAll(everyPassage);
        assertThat(seenRemovals).isEqualTo(everyRemoval);
    }

    private static void writeDocuments(KnowledgeStore store, Folder folder, Random random) {
        ContractFixtures fixtures = new ContractFixtures();
        for (int d = 0; d < DOCUMENTS_PER_NODE / 2; d++) {
            Document document = store.insertDocument(fixtures.newDocument(folder, "doc-" + random.nextLong() + ".txt",
                    ContractFixtures.hash("content " + random.nextLong())));
            List<NewPassage> passages = new ArrayList<>();
            int count = 1 + random.nextInt(30);
            for (int p = 0; p < count; p++) {
                passages.add(passage(p, "passage " + p + " of " + document.id(), 1, p + 1));
            }
            store.completeDocument(document.id(), List.of(page(1, "text", 3)), passages, List.of());
            if (random.nextInt(3) == 0) {
                store.deleteDocument(folder.accountId(), document.id());
            }
        }
    }
}
