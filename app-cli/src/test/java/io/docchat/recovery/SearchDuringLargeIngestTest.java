package io.docchat.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.contract.ForwardingPassageIndex;
import io.docchat.core.port.IndexedPassage;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.port.SearchRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One account's large document must not hold another account's searches. Over the real stack (SQLite, Lucene, the
 * text parser), account B's document of several index batches is held in the middle of being applied; account A's
 * searches, and B's own, return while it is held, and B's document is reported complete only once all of it is
 * searchable.
 */
class SearchDuringLargeIngestTest {
    private static final String A = "account-a";
    private static final String B = "account-b";
    /** About 1,200 passages: more than two of the index's batches. */
    private static final int LARGE_PARAGRAPHS = 2400;

    @TempDir
    Path temporary;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anotherAccountsSearchReturnsWhileALargeDocumentIsBeingApplied() throws Exception {
        HeldIndex[] held = new HeldIndex[1];
        try (RecoveryStack stack = RecoveryStack.open(temporary, builder -> { },
                index -> held[0] = new HeldIndex(index, B))) {
            DocChat docChat = stack.docChat();
            HeldIndex index = held[0];
            try {
                Folder folderA = docChat.folders().ensurePath(A, "manuals");
                TestCorpus.GeneratedDocument small = TestCorpus.document(21, 0);
                Document mine = docChat.documents().submit(A, folderA.id(), small.fileName(), small.content());
                assertThat(docChat.documents().awaitProcessed(A, mine.id(), Duration.ofSeconds(60)).status())
                        .isEqualTo(DocumentStatus.PARSING_COMPLETED);

                Folder folderB = docChat.folders().ensurePath(B, "archive");
                TestCorpus.GeneratedDocument large = TestCorpus.longText(21, 1, LARGE_PARAGRAPHS);
                Document theirs = docChat.documents().submit(B, folderB.id(), large.fileName(), large.content());
                assertThat(index.holding.await(60, TimeUnit.SECONDS))
                        .as("B's document reached its second index batch").isTrue();
                assertThat(index.appliedBatchesOfHeldAccount.get()).isEqualTo(1);

                // B's batch application is held: these return only because they do not wait for it.
                List<Long> hitsOfA = CompletableFuture.supplyAsync(() -> found(docChat, A, small.marker()))
                        .get(30, TimeUnit.SECONDS);
                assertThat(hitsOfA).containsExactly(mine.id());
                CompletableFuture.supplyAsync(() -> found(docChat, B, large.marker())).get(30, TimeUnit.SECONDS);
                assertThat(docChat.documents().get(B, theirs.id()).status())
                        .as("B's document while only part of it is searchable").isEqualTo(DocumentStatus.PARSING);
                assertThat(index.holding.getCount()).as("still held after the searches").isZero();
                assertThat(index.released.getCount()).isOne();

                index.release();
                Document done = docChat.documents().awaitProcessed(B, theirs.id(), Duration.ofSeconds(60));
                assertThat(done.status()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
                assertThat(index.appliedBatchesOfHeldAccount.get()).isGreaterThanOrEqualTo(2);
                // The marker is in the first and the last paragraph: both ends of the document are searchable.
                assertThat(docChat.retrieval().search(B, new RetrievalRequest(large.marker(), Set.of(),
                        Set.of(theirs.id()), 50))).hasSizeGreaterThanOrEqualTo(2);
                assertThat(found(docChat, A, large.marker())).as("nothing crosses accounts").isEmpty();
            } finally {
                index.release();
            }
        }
    }

    private static List<Long> found(DocChat docChat, String account, String query) {
        return docChat.retrieval().search(account, new RetrievalRequest(query, Set.of(), Set.of(), 10)).stream()
                .map(hit -> hit.document().id()).distinct().toList();
    }

    /** The Lucene index, with the second batch of one account's passages held until {@link #release()}. */
    private static final class HeldIndex extends ForwardingPassageIndex {
        private final String heldAccount;
        private final AtomicInteger appliedBatchesOfHeldAccount = new AtomicInteger();
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        HeldIndex(PassageIndex delegate, String heldAccount) {
            super(delegate);
            this.heldAccount = heldAccount;
        }

        void release() {
            released.countDown();
        }

        @Override
        public void add(List<IndexedPassage> passages) {
            boolean ofHeldAccount = passages.stream().anyMatch(p -> p.accountId().equals(heldAccount));
            if (ofHeldAccount && appliedBatchesOfHeldAccount.get() == 1) {
                holding.countDown();
                try {
                    // Bounded, so that a failed assertion still lets the engine close.
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            delegate.add(passages);
            if (ofHeldAccount) {
                appliedBatchesOfHeldAccount.incrementAndGet();
            }
        }
    }
}
