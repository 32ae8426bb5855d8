package io.docchat.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import io.docchat.core.port.ChatStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads append chat items to 100 sessions while four others page through the histories. Nothing may be lost,
 * duplicated or reordered within a writer, readers must only ever see consistent pages, and nobody may see an
 * exception (in particular no SQLITE_BUSY).
 */
class ConcurrentHistoryTest {
    private static final int WRITERS = 8;
    private static final int READERS = 4;
    private static final int SESSIONS = 100;
    private static final int ITEMS_PER_WRITER = 100;
    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

    @TempDir
    Path directory;

    @Test
    void appendsAndPagingInParallelLoseAndDuplicateNothing() throws Exception {
        try (SqliteDatabase database = SqliteDatabase.open(directory.resolve("docchat.db"))) {
            ChatStore store = database.chatStore();
            List<Session> sessions = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                Session session = new Session(String.format("%032x", s), "acme", "acme", "folder", "Session " + s,
                        T0, T0);
                store.insertSession(session);
                sessions.add(session);
            }
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong askedAt = new AtomicLong();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(pool.submit(() -> guard(failures, () -> {
                        start.await();
                        Random random = new Random(1000 + writer);
                        for (int i = 0; i < ITEMS_PER_WRITER; i++) {
                            Session session = sessions.get(random.nextInt(SESSIONS));
                            // Questions are stored as they are asked, so question time follows append order; the
                            // history's reordering of answers that end out of order has its own contract tests.
                            synchronized (askedAt) {
                                store.appendChatItem(item(session, writer, i, T0.plusMillis(askedAt.incrementAndGet())));
                            }
                        }
                    })));
                }
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < READERS; r++) {
                    int reader = r;
                    readers.add(pool.submit(() -> guard(failures, () -> {
                        start.await();
                        Random random = new Random(2000 + reader);
                        while (writing.get()) {
                            readWholeHistory(store, sessions.get(random.nextInt(SESSIONS)).id(), 1 + random.nextInt(10));
                        }
                    })));
                }
                start.countDown();
                for (Future<?> writer : writers) {
                    writer.get(120, TimeUnit.SECONDS);
                }
                writing.set(false);
                for (Future<?> reader : readers) {
                    reader.get(60, TimeUnit.SECONDS);
                }
            } finally {
                writing.set(false);
                pool.shutdownNow();
            }
            assertThat(failures).isEmpty();

            Set<String> seen = new HashSet<>();
            int total = 0;
            for (Session session : sessions) {
                List<ChatItem> history = readWholeHistory(store, session.id(), PageRequest.MAX_SIZE);
                total += history.size();
                Map<Integer, Integer> lastIndexOfWriter = new HashMap<>();
                for (ChatItem item : history) {
                    assertThat(seen.add(item.id())).as("item %s appears once", item.id()).isTrue();
                    String[] parts = item.id().split("-");
                    int writer = Integer.parseInt(parts[1]);
                    int index = Integer.parseInt(parts[2]);
                    assertThat(index).as("order of writer %d in session %s", writer, session.id())
                            .isGreaterThan(lastIndexOfWriter.getOrDefault(writer, -1));
                    lastIndexOfWriter.put(writer, index);
                }
            }
            assertThat(total).isEqualTo(WRITERS * ITEMS_PER_WRITER);
            assertThat(seen).hasSize(WRITERS * ITEMS_PER_WRITER);
        }
    }

    /** Pages through a history, checking that each page is a consistent slice: no repeats, never past the total. */
    private static List<ChatItem> readWholeHistory(ChatStore store, String sessionId, int pageSize) {
        List<ChatItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            ResultPage<ChatItem> result = store.listChatItems(sessionId, new PageRequest(page, pageSize));
            assertThat(result.items().size()).isLessThanOrEqualTo(pageSize);
            long expectedOnPage = Math.max(0, Math.min(pageSize, result.total() - (long) (page - 1) * pageSize));
            assertThat(result.items()).as("page %d of %s with total %d", page, sessionId, result.total())
                    .hasSize((int) expectedOnPage);
            for (ChatItem item : result.items()) {
                assertThat(item.sessionId()).isEqualTo(sessionId);
                assertThat(ids.add(item.id())).as("item %s seen twice while paging", item.id()).isTrue();
            }
            items.addAll(result.items());
            if (page >= result.totalPages()) {
                return items;
            }
        }
    }

    private static ChatItem item(Session session, int writer, int index, Instant askedAt) {
        return new ChatItem("item-" + writer + "-" + index, session.id(), session.accountId(),
                "question " + index + " of writer " + writer, "answer", ChatStatus.COMPLETED, null, session.folderId(),
                "Folder", List.of(), askedAt);
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static void guard(Queue<Throwable> failures, Work work) {
        try {
            work.run();
        } catch (Throwable t) {
            failures.add(t);
        }
    }
}
