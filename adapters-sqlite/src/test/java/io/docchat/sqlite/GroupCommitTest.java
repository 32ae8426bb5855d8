package io.docchat.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Session;
import io.docchat.core.port.ChatStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small writes that wait for the writer together are committed in one transaction, each still its own unit: a
 * failing one is rolled back alone, and every one is durable when its call returns.
 */
class GroupCommitTest {
    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
    private static final int WRITERS = 12;

    @TempDir
    Path directory;

    @Test
    void writesWaitingTogetherShareOneCommitAndAFailingOneFailsAlone() throws Exception {
        Path file = directory.resolve("docchat.db");
        Session session = new Session(String.format("%032x", 1), "acme", "acme", "folder", "Grouped", T0, T0);
        List<ChatItem> items = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            ChatStore store = database.chatStore();
            store.insertSession(session);
            SqliteTransactions transactions = database.transactions();

            // Hold the writer, so that every append below is waiting for it at the same time.
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.write("holding", h -> {
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }), pool);
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            List<CompletableFuture<Void>> appends = new ArrayList<>();
            for (int i = 0; i < WRITERS - 1; i++) {
                ChatItem item = new ChatItem(String.format("%032x", 100 + i), session.id(), "acme", "question " + i,
                        "answer " + i, ChatStatus.COMPLETED, null, "folder", "Folder", List.of(), T0.plusSeconds(i));
                items.add(item);
                appends.add(CompletableFuture.runAsync(() -> store.appendChatItem(item), pool));
            }
            ChatItem orphan = new ChatItem(String.format("%032x", 999), String.format("%032x", 2), "acme", "lost",
                    "", ChatStatus.COMPLETED, null, "folder", "Folder", List.of(), T0);
            CompletableFuture<Void> failing = CompletableFuture.runAsync(() -> store.appendChatItem(orphan), pool);
            while (transactions.waitingGroupedWrites() < WRITERS) {
                Thread.sleep(5);
            }
            long commitsBefore = transactions.groupCommits();
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            for (CompletableFuture<Void> append : appends) {
                append.get(30, TimeUnit.SECONDS);
            }
            assertThatThrownBy(() -> failing.join()).hasCauseInstanceOf(DocChatException.class)
                    .cause().satisfies(e -> assertThat(((DocChatException) e).code())
                            .isEqualTo(ErrorCode.SESSION_NOT_FOUND));

            assertThat(transactions.groupCommits() - commitsBefore).as("transactions for %d waiting writes", WRITERS)
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // Durable: a fresh open of the file has every append that returned, once, and nothing of the failed one.
        try (SqliteDatabase reopened = SqliteDatabase.open(file)) {
            List<ChatItem> stored = reopened.chatStore().listChatItems(session.id(), PageRequest.first(100)).items();
            assertThat(stored).containsExactlyInAnyOrderElementsOf(items);
            assertThat(reopened.chatStore().listChatItems(session.id(), PageRequest.first(100)).total())
                    .isEqualTo(WRITERS - 1);
        }
    }
}
