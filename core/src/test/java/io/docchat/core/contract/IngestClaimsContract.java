package io.docchat.core.contract;

import static io.docchat.core.contract.ContractFixtures.page;
import static io.docchat.core.contract.ContractFixtures.passage;
import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.port.IngestClaims;
import io.docchat.core.port.KnowledgeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link IngestClaims} must have, over the knowledge store it belongs to. An adapter's test
 * extends this class and implements {@link #create()}.
 */
public abstract class IngestClaimsContract {
    private static final Duration LONG = Duration.ofMinutes(10);
    /** Long enough to be measurable on every clock, short enough that waiting it out costs nothing. */
    private static final Duration MOMENT = Duration.ofMillis(20);

    /** The claims under test and the store whose documents they are about. */
    public record Subject(KnowledgeStore store, IngestClaims claims) {}

    protected final ContractFixtures fixtures = new ContractFixtures();
    protected KnowledgeStore store;
    protected IngestClaims claims;
    private Subject subject;
    private Folder folder;

    /** A fresh, empty store and its claims. Called once per test. */
    protected abstract Subject create();

    @BeforeEach
    void createSubject() {
        subject = create();
        store = subject.store();
        claims = subject.claims();
        folder = fixtures.folder("acme", "inbox");
        store.insertFolder(folder);
    }

    @AfterEach
    void closeSubject() throws Exception {
        for (Object component : List.of(subject.claims(), subject.store())) {
            if (component instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private Document pending(String name) {
        return store.insertDocument(fixtures.newDocument(folder, name, ContractFixtures.hash(name)));
    }

    private static void waitOut(Duration lease) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(lease.toMillis() * 3);
    }

    @Test
    void aLiveClaimKeepsOtherOwnersOutAndIsRenewedByItsOwner() {
        Document document = pending("a.txt");

        assertThat(claims.claim(document.id(), "node-a", LONG)).isTrue();
        assertThat(claims.claim(document.id(), "node-b", LONG)).isFalse();
        assertThat(claims.claim(document.id(), "node-a", LONG)).isTrue();
        assertThat(claims.claimUnclaimed("node-b", LONG, 10)).isEmpty();
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOver() throws InterruptedException {
        Document document = pending("a.txt");
        assertThat(claims.claim(document.id(), "node-a", MOMENT)).isTrue();

        waitOut(MOMENT);

        assertThat(claims.claimUnclaimed("node-b", LONG, 10)).containsExactly(document.id());
        assertThat(claims.claim(document.id(), "node-a", LONG)).isFalse();
    }

    @Test
    void aReleasedClaimIsFreeAtOnceButOnlyItsOwnerCanReleaseIt() {
        Document document = pending("a.txt");
        claims.claim(document.id(), "node-a", LONG);

        claims.release(document.id(), "node-b");
        assertThat(claims.claim(document.id(), "node-b", LONG)).isFalse();

        claims.release(document.id(), "node-a");
        assertThat(claims.claim(document.id(), "node-b", LONG)).isTrue();
    }

    @Test
    void finishedAndMissingDocumentsCannotBeClaimed() {
        Document completed = pending("done.txt");
        store.completeDocument(completed.id(), List.of(page(1, "text", 1)), List.of(passage(0, "text", 1, 1)),
                List.of());
        Document failed = pending("bad.txt");
        store.updateStatus(failed.id(), DocumentStatus.PARSING_FAILED, "broken");
        Document parsing = pending("parsing.txt");
        store.updateStatus(parsing.id(), DocumentStatus.PARSING, null);

        assertThat(claims.claim(completed.id(), "node-a", LONG)).isFalse();
        assertThat(claims.claim(failed.id(), "node-a", LONG)).isFalse();
        assertThat(claims.claim(987_654_321L, "node-a", LONG)).isFalse();
        assertThat(claims.claimUnclaimed("node-a", LONG, 10)).containsExactly(parsing.id());
    }

    @Test
    void claimUnclaimedGivesTheOldestFirstUpToTheLimit() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(pending("doc-" + i + ".txt").id());
        }
        claims.claim(ids.get(1), "node-a", LONG);

        assertThat(claims.claimUnclaimed("node-b", LONG, 2)).containsExactly(ids.get(0), ids.get(2));
        assertThat(claims.claimUnclaimed("node-c", LONG, 10)).containsExactly(ids.get(3), ids.get(4));
        assertThat(claims.claimUnclaimed("node-c", LONG, 10)).isEmpty();
    }

    @Test
    void ownersClaimingAtOnceNeverShareADocument() throws Exception {
        int documents = 60;
        Set<Long> all = new HashSet<>();
        for (int i = 0; i < documents; i++) {
            all.add(pending("doc-" + i + ".txt").id());
        }
        ExecutorService owners = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int o = 0; o < 4; o++) {
                String owner = "node-" + o;
                results.add(owners.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    List<Long> batch;
                    while (!(batch = claims.claimUnclaimed(owner, LONG, 3)).isEmpty()) {
                        mine.addAll(batch);
                    }
                    return mine;
                }));
            }
            List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<Long>> result : results) {
                claimed.addAll(result.get(1, TimeUnit.MINUTES));
            }
            assertThat(claimed).doesNotHaveDuplicates();
            assertThat(new HashSet<>(claimed)).isEqualTo(all);
        } finally {
            owners.shutdownNow();
        }
    }
}
