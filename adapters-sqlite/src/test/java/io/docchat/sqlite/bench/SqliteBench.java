package io.docchat.sqlite.bench;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Page;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.Session;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.ChatStore;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.NewDocument;
import io.docchat.core.port.NewPassage;
import io.docchat.sqlite.SqliteDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Measures the SQLite stores on a fresh database file: history paging at the start and near the end of a
 * 10,000-item session, session listing for an account with 10,000 sessions, and bulk passage insertion. A program,
 * not a test: run it with the command in {@code docs/benchmarks/sqlite.md}. Optional argument: a directory for the
 * database (default: a new temporary directory, deleted afterwards).
 */
public final class SqliteBench {
    private static final int HISTORY_ITEMS = 10_000;
    private static final int SESSIONS = 10_000;
    private static final int WARMUP = 1_000;
    private static final int SAMPLES = 5_000;
    private static final int BULK_DOCUMENTS = 20;
    private static final int PASSAGES_PER_DOCUMENT = 5_000;
    private static final int PAGES_PER_DOCUMENT = 250;
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final PrintStream out;

    private SqliteBench(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        boolean temporary = args.length == 0;
        Path directory = temporary ? Files.createTempDirectory("docchat-sqlite-bench") : Path.of(args[0]);
        try (SqliteDatabase database = SqliteDatabase.open(directory.resolve("docchat.db"))) {
            SqliteBench bench = new SqliteBench(System.out);
            bench.out.printf(Locale.ROOT, "SQLite store benchmark on %s (java %s, %d cores)%n", database.file(),
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            String only = System.getProperty("sqlite.bench.only", "");
            if (only.isEmpty() || only.equals("history")) {
                bench.history(database.chatStore());
            }
            if (only.isEmpty() || only.equals("sessions")) {
                bench.sessions(database.chatStore());
            }
            if (only.isEmpty() || only.equals("bulk")) {
                bench.bulkInsert(database.knowledgeStore());
            }
        } finally {
            if (temporary) {
                deleteRecursively(directory);
            }
        }
    }

    private void history(ChatStore store) {
        Session session = new Session("bench-history", "bench", "bench", "f", "History", T0, T0);
        store.insertSession(session);
        long started = System.nanoTime();
        for (int i = 0; i < HISTORY_ITEMS; i++) {
            store.appendChatItem(new ChatItem("item-" + i, session.id(), "bench", "Question number " + i + "?",
                    "An answer of moderate length that cites a passage [1]. ".repeat(4), ChatStatus.COMPLETED, null,
                    "f", "Folder", List.of(citation(i)), T0.plusSeconds(i)));
        }
        double appendMillis = (System.nanoTime() - started) / 1e6;
        out.printf(Locale.ROOT, "appended %,d chat items one transaction each in %.0f ms (%.0f items/s)%n",
                HISTORY_ITEMS, appendMillis, HISTORY_ITEMS / (appendMillis / 1000));
        int lastPage = HISTORY_ITEMS / PageRequest.DEFAULT_SIZE;
        for (int page : new int[] {1, lastPage / 2, lastPage - 1, lastPage}) {
            PageRequest request = new PageRequest(page, PageRequest.DEFAULT_SIZE);
            report("history page " + page + " of " + lastPage + " (pageSize 10)",
                    () -> store.listChatItems(session.id(), request).items().size());
        }
    }

    private void sessions(ChatStore store) {
        for (int i = 0; i < SESSIONS; i++) {
            Instant t = T0.plusMillis(i);
            store.insertSession(new Session(String.format("%032x", i), "bench-sessions", "user-" + (i % 10), "f",
                    "Session about topic " + i, t, t));
        }
        int lastPage = SESSIONS / PageRequest.DEFAULT_SIZE;
        for (int page : new int[] {1, lastPage}) {
            PageRequest request = new PageRequest(page, PageRequest.DEFAULT_SIZE);
            report("session list page " + page + " of " + lastPage + ", 10,000 sessions",
                    () -> store.listSessions("bench-sessions", null, null, request).items().size());
        }
        PageRequest first = PageRequest.first(PageRequest.DEFAULT_SIZE);
        report("session list page 1, one user's 1,000 of 10,000 sessions",
                () -> store.listSessions("bench-sessions", "user-3", null, first).items().size());
        report("session list page 1, name filter over 10,000 sessions",
                () -> store.listSessions("bench-sessions", null, "topic 99", first).items().size());
    }

    private void bulkInsert(KnowledgeStore store) {
        Folder folder = new Folder("bench-folder", "bench", null, "Bench", T0);
        store.insertFolder(folder);
        List<Page> pages = new ArrayList<>();
        for (int p = 1; p <= PAGES_PER_DOCUMENT; p++) {
            pages.add(page(p));
        }
        List<NewPassage> passages = new ArrayList<>();
        for (int i = 0; i < PASSAGES_PER_DOCUMENT; i++) {
            passages.add(passage(i));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long totalNanos = 0;
        long cpuNanos = 0;
        long[] documentNanos = new long[BULK_DOCUMENTS];
        for (int d = 0; d < BULK_DOCUMENTS; d++) {
            Document document = store.insertDocument(new NewDocument("bench", folder.id(), "doc" + d + ".pdf",
                    "hash" + d, 1_000_000, "files/doc" + d, T0));
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            store.completeDocument(document.id(), pages, passages, List.of());
            cpuNanos += threads.getCurrentThreadCpuTime() - cpuStarted;
            documentNanos[d] = System.nanoTime() - started;
            totalNanos += documentNanos[d];
        }
        long total = (long) BULK_DOCUMENTS * PASSAGES_PER_DOCUMENT;
        out.printf(Locale.ROOT,
                "bulk insert: %,d documents of %,d passages and %d pages each: %,d passages in %.0f ms = %,.0f passages/s%n",
                BULK_DOCUMENTS, PASSAGES_PER_DOCUMENT, PAGES_PER_DOCUMENT, total, totalNanos / 1e6,
                total / (totalNanos / 1e9));
        Arrays.sort(documentNanos);
        out.printf(Locale.ROOT, "bulk insert per document of %,d passages: median %.0f ms = %,.0f passages/s,"
                        + " fastest %.0f ms = %,.0f passages/s%n", PASSAGES_PER_DOCUMENT,
                documentNanos[BULK_DOCUMENTS / 2] / 1e6, PASSAGES_PER_DOCUMENT / (documentNanos[BULK_DOCUMENTS / 2] / 1e9),
                documentNanos[0] / 1e6, PASSAGES_PER_DOCUMENT / (documentNanos[0] / 1e9));
        // On a shared machine wall time includes waiting for a core; the writing thread's CPU time does not.
        out.printf(Locale.ROOT, "bulk insert CPU time of the writing thread: %.0f ms = %,.0f passages per CPU-second%n",
                cpuNanos / 1e6, total / (cpuNanos / 1e9));
    }

    /**
     * Prints percentiles of wall time and of the calling thread's CPU time. On a machine shared with other work the
     * wall-time tail mostly measures waiting for a core; the CPU-time tail is what the store itself costs.
     */
    private void report(String label, Supplier<Integer> operation) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARMUP; i++) {
            operation.get();
        }
        long[] wall = new long[SAMPLES];
        long[] cpu = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            int size = operation.get();
            wall[i] = System.nanoTime() - started;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStarted;
            if (size == 0) {
                throw new IllegalStateException(label + " returned nothing");
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        out.printf(Locale.ROOT, "%-58s wall p50 %6.3f p99 %7.3f ms | cpu p50 %6.3f p99 %6.3f ms%n", label,
                percentile(wall, 0.50), percentile(wall, 0.99), percentile(cpu, 0.50), percentile(cpu, 0.99));
    }

    private static double percentile(long[] sortedNanos, double fraction) {
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * fraction))] / 1e6;
    }

    private static Citation citation(int i) {
        CitedPage page = new CitedPage(1 + i % 50, 595.275f, 841.89f, 0, List.of(
                new CitedLine(3, new Box(72, 100, 450, 12), "The pump delivers thirty cubic metres per hour."),
                new CitedLine(4, new Box(72, 114, 450, 12), "Its weight is twelve kilograms.")));
        return new Citation(i % 100, "manual-" + (i % 100) + ".pdf", 120, List.of(page),
                "The pump delivers thirty cubic metres per hour. Its weight is twelve kilograms.");
    }

    private static Page page(int number) {
        List<TextLine> lines = new ArrayList<>();
        for (int l = 0; l < 40; l++) {
            lines.add(new TextLine("Line " + l + " of page " + number + " with some ordinary words on it.",
                    new Box(72, 72 + l * 14.5f, 451.2f, 12.1f)));
        }
        return new Page(number, 595.275f, 841.89f, 0, List.of(new TextBlock(BlockType.PARAGRAPH, 0, lines)));
    }

    /** A passage of realistic size: about 400 characters over five lines with boxes. */
    private static NewPassage passage(int ordinal) {
        String text = ("Passage " + ordinal + " explains how the pump is installed, started and maintained. ")
                .repeat(5);
        List<PassageLine> lines = new ArrayList<>();
        int step = text.length() / 5;
        for (int l = 0; l < 5; l++) {
            lines.add(new PassageLine(1 + ordinal / 20, 1 + (ordinal % 20) * 2 + l,
                    new Box(72, 72 + l * 14.5f, 451.2f, 12.1f), l * step, l == 4 ? text.length() : (l + 1) * step));
        }
        return new NewPassage(ordinal, text, List.of("Chapter " + (ordinal / 100), "Installation"), lines);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
