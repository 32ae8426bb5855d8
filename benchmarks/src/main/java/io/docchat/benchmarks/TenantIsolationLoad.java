package io.docchat.benchmarks;

import io.docchat.core.DocChat;
import io.docchat.core.api.ChatEvent;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.ChatStream;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One account's large upload against another account's searches, in process over the embedded stack: account B
 * submits a large text while clients of account A retrieve and open chat streams without pause. Prints A's latencies
 * (p50, p99, max) while B's document is parsed and while its passages are being indexed (the store has them, the
 * index not all yet), the phase in which searches used to wait for the whole document.
 *
 * <p>Arguments: megabytes of B's text (default 12), clients of A (default 8).
 */
public final class TenantIsolationLoad {
    private static final String A = "account-a";
    private static final String B = "account-b";

    private TenantIsolationLoad() {}

    private record Sample(String phase, String kind, long nanos) {}

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        try (Embedded embedded = Embedded.open()) {
            DocChat docChat = embedded.docChat();
            Folder folderA = docChat.folders().ensurePath(A, "manuals");
            SyntheticText words = new SyntheticText(20_000, 7);
            for (int i = 0; i < 20; i++) {
                Document small = docChat.documents().submit(A, folderA.id(), "a" + i + ".txt",
                        text(words, new Random(i), 40_000));
                docChat.documents().awaitProcessed(A, small.id(), Duration.ofMinutes(1));
            }
            Session session = docChat.sessions().create(A, folderA.id(), "load", null);
            byte[] large = text(words, new Random(99), megabytes * 1_000_000);
            Folder folderB = docChat.folders().ensurePath(B, "archive");

            ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            String[] phase = {"before"};
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Random random = new Random(1000 + c);
                Thread client = new Thread(() -> {
                    while (running.get()) {
                        String query = words.word(random) + " " + words.word(random);
                        long start = System.nanoTime();
                        docChat.retrieval().search(A, new RetrievalRequest(query, Set.of(), Set.of(), 10));
                        samples.add(new Sample(phase[0], "retrieve", System.nanoTime() - start));
                        start = System.nanoTime();
                        try (ChatStream stream = docChat.chat().stream(A, new ChatRequest(session.id(), query))) {
                            if (stream.hasNext() && stream.next() instanceof ChatEvent.Started) {
                                samples.add(new Sample(phase[0], "first chat event", System.nanoTime() - start));
                            }
                        }
                    }
                }, "client-" + c);
                threads.add(client);
                client.start();
            }
            Thread.sleep(2_000);
            long submitted = System.nanoTime();
            phase[0] = "B parsing";
            Document document = docChat.documents().submit(B, folderB.id(), "large.txt", large);
            long indexingStarted = 0;
            while (true) {
                DocumentStatus stored = embedded.database().knowledgeStore().findDocument(document.id())
                        .orElseThrow().status();
                DocumentStatus reported = docChat.documents().get(B, document.id()).status();
                if (stored == DocumentStatus.PARSING_COMPLETED && indexingStarted == 0) {
                    indexingStarted = System.nanoTime();
                    phase[0] = "B indexing";
                }
                if (reported.isFinal() || stored == DocumentStatus.PARSING_FAILED) {
                    break;
                }
                Thread.sleep(5);
            }
            long done = System.nanoTime();
            phase[0] = "after";
            Thread.sleep(1_000);
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            Document finished = docChat.documents().get(B, document.id());
            System.out.printf("B's document: %d MB, %s, %d pages; parsing %.1f s, indexing %.1f s%n", megabytes,
                    finished.status(), finished.pageCount(),
                    ((indexingStarted == 0 ? done : indexingStarted) - submitted) / 1e9,
                    indexingStarted == 0 ? 0.0 : (done - indexingStarted) / 1e9);
            System.out.println("| phase | A's request | count | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|");
            for (String p : List.of("before", "B parsing", "B indexing", "after")) {
                for (String kind : List.of("retrieve", "first chat event")) {
                    List<Long> nanos = new ArrayList<>();
                    for (Sample sample : samples) {
                        if (sample.phase().equals(p) && sample.kind().equals(kind)) {
                            nanos.add(sample.nanos());
                        }
                    }
                    if (nanos.isEmpty()) {
                        continue;
                    }
                    Collections.sort(nanos);
                    System.out.printf("| %s | %s | %d | %.1f | %.1f | %.1f |%n", p, kind, nanos.size(),
                            percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6,
                            nanos.get(nanos.size() - 1) / 1e6);
                }
            }
        }
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** Sentences of seeded words in paragraphs, about {@code chars} characters of UTF-8 text. */
    private static byte[] text(SyntheticText words, Random random, int chars) {
        StringBuilder text = new StringBuilder(chars + 200);
        while (text.length() < chars) {
            for (int sentence = 0; sentence < 4; sentence++) {
                int length = 8 + random.nextInt(12);
                for (int w = 0; w < length; w++) {
                    text.append(w == 0 ? "" : " ").append(words.word(random));
                }
                text.append(". ");
            }
            text.append("\n\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
