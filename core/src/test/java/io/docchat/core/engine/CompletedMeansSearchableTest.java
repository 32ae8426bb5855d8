package io.docchat.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.memory.InMemoryKnowledgeStore;
import io.docchat.core.memory.InMemoryPassageIndex;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.contract.ForwardingPassageIndex;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.port.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A document is completed in the store a moment before the index has its passages. It is reported complete only once
 * the index has them, and searches meanwhile are not held: another account's not at all, its own only briefly.
 */
class CompletedMeansSearchableTest {
    private static final String ME = Account.LOCAL;
    private static final String OTHER = "other-account";

    @Test
    void searchesDoNotWaitForADocumentTheIndexIsStillApplying() throws Exception {
        InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
        GatedIndex index = new GatedIndex(new InMemoryPassageIndex());
        try (DocChat docChat = DocChat.builder().knowledgeStore(store).passageIndex(index).build()) {
            Folder folder = docChat.folders().create(ME, null, "notes");
            Folder otherFolder = docChat.folders().create(OTHER, null, "notes");
            Document theirs = docChat.documents().submit(OTHER, otherFolder.id(), "z.txt",
                    "The zeppelin hangar opens at dawn.".getBytes(StandardCharsets.UTF_8));
            docChat.documents().awaitProcessed(OTHER, theirs.id(), Duration.ofSeconds(30));
            index.closeGate();
            Document doc = docChat.documents().submit(ME, folder.id(), "a.txt",
                    "The quartermaster keeps the zeppelin logbook.".getBytes(StandardCharsets.UTF_8));

            assertThat(index.addStarted.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(store.findDocument(doc.id()).orElseThrow().status()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
            assertThat(docChat.documents().get(ME, doc.id()).status())
                    .as("reported while the index is still applying it").isEqualTo(DocumentStatus.PARSING);

            // The index's add is held at the gate: these searches can only return because they do not wait for it.
            List<Long> otherHits = CompletableFuture.supplyAsync(() -> documentsFound(docChat, OTHER, "zeppelin"))
                    .get(30, TimeUnit.SECONDS);
            assertThat(otherHits).containsExactly(theirs.id());
            List<Long> ownHits = CompletableFuture.supplyAsync(() -> documentsFound(docChat, ME, "zeppelin logbook"))
                    .get(30, TimeUnit.SECONDS);
            assertThat(ownHits).as("not searchable yet, and not reported complete either").isEmpty();
            assertThat(docChat.documents().get(ME, doc.id()).status()).isEqualTo(DocumentStatus.PARSING);

            index.openGate();
            assertThat(docChat.documents().awaitProcessed(ME, doc.id(), Duration.ofSeconds(30)).status())
                    .isEqualTo(DocumentStatus.PARSING_COMPLETED);
            assertThat(documentsFound(docChat, ME, "zeppelin logbook")).containsExactly(doc.id());
        }
    }

    private static List<Long> documentsFound(DocChat docChat, String account, String query) {
        return docChat.retrieval().search(account, new RetrievalRequest(query, Set.of(), Set.of(), 5))
                .stream().map(hit -> hit.document().id()).toList();
    }

    @Test
    void awaitProcessedReportsACompletedDocumentOnlyOnceTheIndexHasIt() throws Exception {
        InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
        GatedIndex index = new GatedIndex(new InMemoryPassageIndex());
        try (DocChat docChat = DocChat.builder().knowledgeStore(store).passageIndex(index).build()) {
            Folder folder = docChat.folders().create(ME, null, "notes");
            index.closeGate();
            Document doc = docChat.documents().submit(ME, folder.id(), "b.txt",
                    "The harbour pilot boards at the breakwater.".getBytes(StandardCharsets.UTF_8));
            assertThat(index.addStarted.await(30, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Document> waiter = CompletableFuture.supplyAsync(
                    () -> docChat.documents().awaitProcessed(ME, doc.id(), Duration.ofSeconds(30)));
            Thread.sleep(300);
            assertThat(waiter).as("reported done while the index has not applied it").isNotDone();

            index.openGate();
            assertThat(waiter.get(30, TimeUnit.SECONDS).status()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
            assertThat(index.search(new SearchRequest(ME, "harbour pilot", Set.of(), Set.of(), 5))).isNotEmpty();
        }
    }

    /** An index whose adds wait at a gate, standing in for an index that is slow to apply a large document. */
    private static final class GatedIndex extends ForwardingPassageIndex {
        private volatile CountDownLatch addStarted = new CountDownLatch(1);
        private volatile CountDownLatch gate = new CountDownLatch(0);

        GatedIndex(PassageIndex delegate) {
            super(delegate);
        }

        /** From now on adds wait at the gate; {@link #addStarted} counts the first of them. */
        void closeGate() {
            addStarted = new CountDownLatch(1);
            gate = new CountDownLatch(1);
        }

        void openGate() {
            gate.countDown();
        }

        @Override
        public void add(List<IndexedPassage> passages) {
            CountDownLatch atGate = gate;
            addStarted.countDown();
            try {
                // Bounded, so that a failed assertion still lets the engine close.
                atGate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delegate.add(passages);
        }
    }
}
