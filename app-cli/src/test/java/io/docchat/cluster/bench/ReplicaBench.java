package io.docchat.cluster.bench;

import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.port.NewDocument;
import io.docchat.core.port.NewPassage;
import io.docchat.core.model.Page;
import io.docchat.core.model.PassageLine;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.core.model.Box;
import io.docchat.core.model.BlockType;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.postgres.PostgresStorage;
import io.docchat.postgres.ThrowawayPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one node holds: P passages written to PostgreSQL (as completed documents of 50 passages, about 600 characters
 * each, over a 20,000-word vocabulary), then a node started on the database with an empty replica, which catches up
 * from the change log. Prints the store's write rate, the catch-up rate, the replica's size on disk and the heap after
 * a full collection, PostgreSQL's size per passage, and single-thread search latency on the replica. A program, not a
 * test; command in {@code docs/SCALING.md}.
 *
 * <p>Argument: passages (default 100,000).
 */
public final class ReplicaBench {
    private static final int PASSAGES_PER_DOCUMENT = 50;
    private static final int VOCABULARY = 20_000;
    private static final int SEARCHES = 2_000;

    private ReplicaBench() {}

    public static void main(String[] args) throws Exception {
        int passages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String url = ThrowawayPostgres.shared().newDatabase();
        Path temp = Files.createTempDirectory("docchat-replica-bench-");
        Random random = new Random(11);
        String[] words = vocabulary(random);
        try (PostgresStorage storage = PostgresStorage.open(url)) {
            Folder folder = new Folder("f0000000000000000000000000000001", Account.LOCAL, null, "bench", Instant.now());
            storage.knowledgeStore().insertFolder(folder);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long writeStart = System.nanoTime();
            long writeCpu = threads.getCurrentThreadCpuTime();
            int documents = passages / PASSAGES_PER_DOCUMENT;
            for (int d = 0; d < documents; d++) {
                Document document = storage.knowledgeStore().insertDocument(new NewDocument(Account.LOCAL,
                        folder.id(), "doc-" + d + ".txt", String.format(Locale.ROOT, "%064d", d), 30_000,
                        "bench/" + d, Instant.now()));
                List<NewPassage> content = new ArrayList<>();
                for (int p = 0; p < PASSAGES_PER_DOCUMENT; p++) {
                    String text = sentence(random, words, 90);
                    content.add(new NewPassage(p, text, List.of("Chapter " + (p / 10 + 1)),
                            List.of(new PassageLine(p / 10 + 1, p % 10 + 1, new Box(72, 100 + p, 450, 12), 0,
                                    text.length()))));
                }
                List<Page> pages = new ArrayList<>();
                for (int n = 1; n <= PASSAGES_PER_DOCUMENT / 10; n++) {
                    pages.add(new Page(n, 612, 792, 0, List.of(new TextBlock(BlockType.PARAGRAPH, 0,
                            List.of(new TextLine("page " + n, new Box(72, 72, 200, 12)))))));
                }
                storage.knowledgeStore().completeDocument(document.id(), pages, content, List.of());
            }
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
            double writeCpuSeconds = (threads.getCurrentThreadCpuTime() - writeCpu) / 1e9;
            long databaseBytes = databaseBytes(url);
            System.out.printf(Locale.ROOT, "store: %d passages written in %.1f s (%.0f passages/s; writing thread"
                    + " %.1f s CPU); database %.1f MB, %.0f bytes per passage%n", passages, writeSeconds,
                    passages / writeSeconds, writeCpuSeconds, databaseBytes / 1e6, (double) databaseBytes / passages);

            Path replica = temp.resolve("replica");
            long catchUpStart = System.nanoTime();
            long catchUpCpu = threads.getCurrentThreadCpuTime();
            LucenePassageIndex index = LucenePassageIndex.open(replica);
            try (DocChat node = DocChat.builder()
                    .knowledgeStore(storage.knowledgeStore())
                    .chatStore(storage.chatStore())
                    .accountStore(storage.accountStore())
                    .fileStore(storage.fileStore())
                    .ingestClaims(storage.ingestClaims())
                    .passageIndex(index)
                    .build()) {
                // The engine catches the replica up in the thread that starts it: this one.
                double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;
                double catchUpCpuSeconds = (threads.getCurrentThreadCpuTime() - catchUpCpu) / 1e9;
                System.gc();
                Thread.sleep(500);
                System.gc();
                Runtime runtime = Runtime.getRuntime();
                long heap = runtime.totalMemory() - runtime.freeMemory();
                long replicaBytes = size(replica);
                System.out.printf(Locale.ROOT, "replica: caught up in %.1f s (%.0f passages/s; %.1f s CPU, %.0f"
                                + " passages per CPU second); %.1f MB on disk, %.0f bytes per passage; JVM heap after"
                                + " GC %.0f MB%n", catchUpSeconds, passages / catchUpSeconds, catchUpCpuSeconds,
                        passages / catchUpCpuSeconds, replicaBytes / 1e6, (double) replicaBytes / passages,
                        heap / 1e6);
                List<Double> millis = new ArrayList<>();
                for (int s = 0; s < SEARCHES + 500; s++) {
                    String query = sentence(random, words, 6);
                    long start = System.nanoTime();
                    List<ScoredPassage> hits = index.search(
                            new SearchRequest(Account.LOCAL, query, Set.of(folder.id()), Set.of(), 10));
                    if (s >= 500) {
                        millis.add((System.nanoTime() - start) / 1e6);
                    }
                    if (hits.isEmpty()) {
                        throw new IllegalStateException("no hits for " + query);
                    }
                }
                Collections.sort(millis);
                System.out.printf(Locale.ROOT, "search on the replica: p50 %.2f ms, p99 %.2f ms (%d searches)%n",
                        millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.99)), SEARCHES);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(temp)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String[] vocabulary(Random random) {
        String[] words = new String[VOCABULARY];
        for (int i = 0; i < words.length; i++) {
            StringBuilder sb = new StringBuilder();
            int length = 3 + random.nextInt(7);
            for (int c = 0; c < length; c++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            words[i] = sb.toString();
        }
        return words;
    }

    /** Words drawn with a skewed (roughly Zipf-like) distribution, as natural text has. */
    private static String sentence(Random random, String[] words, int count) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < count; w++) {
            double u = random.nextDouble();
            int index = (int) Math.min(words.length - 1, Math.floor(Math.pow(words.length, u)) - 1);
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(words[Math.max(0, index)]);
        }
        return sb.append('.').toString();
    }

    private static long databaseBytes(String url) throws Exception {
        String jdbc = "jdbc:" + url.replace("postgresql://docchat@", "postgresql://");
        try (Connection connection = DriverManager.getConnection(jdbc, "docchat", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
