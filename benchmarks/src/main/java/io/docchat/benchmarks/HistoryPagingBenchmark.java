package io.docchat.benchmarks;

import io.docchat.core.model.Account;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import io.docchat.core.port.ChatStore;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Paging a long session history in SQLite: the first page against the last, which must not cost more. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class HistoryPagingBenchmark {
    private static final int PAGE_SIZE = 20;

    @Param("10000")
    public int items;

    private Embedded engine;
    private ChatStore chats;
    private String sessionId;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        engine = Embedded.open();
        chats = engine.database().chatStore();
        Folder folder = engine.docChat().folders().ensurePath(Account.LOCAL, "bench");
        Session session = engine.docChat().sessions().create(Account.LOCAL, folder.id(), "long history", null);
        sessionId = session.id();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < items; i++) {
            Citation citation = new Citation(1, "manual.pdf", 10, List.of(new CitedPage(3, 595, 842, 0,
                    List.of(new CitedLine(12, null, "The pump must be primed before starting.")))),
                    "The pump must be primed before starting.");
            chats.appendChatItem(new ChatItem(UUID.randomUUID().toString().replace("-", ""), sessionId, Account.LOCAL,
                    "Question number " + i + " about priming the pump?", "The pump must be primed before starting.",
                    ChatStatus.COMPLETED, null, folder.id(), folder.name(), List.of(citation), start.plusSeconds(i)));
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
    }

    @Benchmark
    public ResultPage<ChatItem> firstPage() {
        return chats.listChatItems(sessionId, new PageRequest(1, PAGE_SIZE));
    }

    @Benchmark
    public ResultPage<ChatItem> lastPage() {
        return chats.listChatItems(sessionId, new PageRequest(items / PAGE_SIZE, PAGE_SIZE));
    }
}
