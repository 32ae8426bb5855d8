package io.docchat.http.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.PageRequest;
import io.docchat.http.DocChatHttpServer;
import io.docchat.http.HttpServerConfig;
import io.docchat.http.PacedAnswerModel;
import io.docchat.http.StrictSse;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load benchmark (a program, not a test): N concurrent ChatStream clients over loopback HTTP against a real in-memory
 * DocChat whose answer model writes 20 deltas per second. Reports errors, Q&A pairs stored, and the time to first
 * event (p50, p99, max).
 *
 * <p>Arguments: {@code [clients=200] [deltasPerAnswer=40] [deltasPerSecond=20]}.
 *
 * <p>{@code throughput [clients=200] [seconds=15] [rounds=3] [baseUri]} measures instead how many requests per second
 * N clients get through, each sending its next request as soon as its last one is answered: Retrieve (read to its
 * end) and ChatStream (extractive model, read to its last event, which must say {@code COMPLETED}; each client on its
 * own session) in turns, in the same run, so that their ratio compares like with like. Without a base URI it starts
 * an in-memory DocChat behind a server in this process; with one it loads a running {@code docchat serve} (the
 * embedded SQLite and Lucene stack). The corpus is 400 generated manuals (about 2,000 passages). A first turn of each
 * warms up and is not reported.
 */
public final class StreamLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("throughput")) {
            throughput(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int deltas = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int perSecond = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        PacedAnswerModel model = new PacedAnswerModel(deltas, Duration.ofMillis(1000 / perSecond));

        try (DocChat docChat = DocChat.builder().answerModel(model).build();
             DocChatHttpServer server = DocChatHttpServer.start(docChat,
                     HttpServerConfig.defaults().withPort(0).withMaxConcurrentStreams(Math.max(256, clients)))) {
            String folderId = docChat.folders().create(Account.LOCAL, null, "load").id();
            long documentId = docChat.documents().submit(Account.LOCAL, folderId, "pump.txt",
                    ("Prime the pump before first use by filling the housing with water. "
                            + "Replace the mechanical seal every two thousand hours.").getBytes(StandardCharsets.UTF_8))
                    .id();
            docChat.documents().awaitProcessed(Account.LOCAL, documentId, Duration.ofSeconds(30));
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sessions.add(docChat.sessions().create(Account.LOCAL, folderId, "load " + i, null).id());
            }

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create(server.baseUri() + "/api/v2/aidoc/document/chat/stream");
            // The first round warms up the JIT and the connection machinery; only the second is reported.
            List<String> warmUpSessions = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                warmUpSessions.add(docChat.sessions().create(Account.LOCAL, folderId, "warm-up " + i, null).id());
            }
            Round warmUp = round(http, uri, warmUpSessions);
            Round measuredRound = round(http, uri, sessions);
            int errorCount = warmUp.errors() + measuredRound.errors();
            long wallMillis = measuredRound.wallMillis();
            long[] firstEventNanos = measuredRound.firstEventNanos();

            int stored = 0;
            for (String sessionId : sessions) {
                List<ChatItem> items = docChat.chat().history(Account.LOCAL, sessionId, PageRequest.first(10)).items();
                if (items.size() == 1 && items.get(0).status() == ChatStatus.COMPLETED
                        && items.get(0).answer().equals(model.fullAnswer())) {
                    stored++;
                }
            }
            long[] measured = Arrays.stream(firstEventNanos).filter(n -> n > 0).sorted().toArray();
            System.out.printf("clients=%d deltasPerAnswer=%d deltasPerSecond=%d cores=%d%n", clients, deltas, perSecond,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("errors=%d (both rounds) pairsStored=%d/%d wall=%dms%n", errorCount, stored, clients,
                    wallMillis);
            if (measured.length > 0) {
                System.out.printf("timeToFirstEvent p50=%.1fms p99=%.1fms max=%.1fms%n",
                        percentile(measured, 0.50), percentile(measured, 0.99), measured[measured.length - 1] / 1e6);
            }
        }
    }

    /** One round's outcome: failed clients, wall time, and each client's time to first event (0 when it failed). */
    private record Round(int errors, long wallMillis, long[] firstEventNanos) {}

    private static Round round(HttpClient http, URI uri, List<String> sessions) throws Exception {
        int clients = sessions.size();
        long[] firstEventNanos = new long[clients];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            running.add(pool.submit(() -> {
                try {
                    byte[] body = JSON.writeValueAsBytes(
                            Map.of("sessionId", sessions.get(client), "question", "How do I prime the pump?"));
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("x-acs-action", "ChatStream")
                            .header("x-acs-version", "2022-09-23")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    go.await();
                    long start = System.nanoTime();
                    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream in = response.body()) {
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            return;
                        }
                        StrictSse events = new StrictSse(in);
                        StrictSse.Event event = events.next();
                        firstEventNanos[client] = System.nanoTime() - start;
                        JsonNode last = event.data();
                        while ((event = events.next()) != null) {
                            last = event.data();
                        }
                        if (!"COMPLETED".equals(last.path("data").path("status").asText())) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception | AssertionError e) {
                    errors.incrementAndGet();
                }
            }));
        }
        long wallStart = System.nanoTime();
        go.countDown();
        for (Future<?> future : running) {
            future.get();
        }
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
        pool.shutdown();

        return new Round(errors.get(), wallMillis, firstEventNanos);
    }

    // ---- requests per second of Retrieve against ChatStream

    private static void throughput(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (args.length > 3) {
            throughput(new BenchClient(URI.create(args[3])), clients, seconds, rounds, "server at " + args[3]);
            return;
        }
        try (DocChat docChat = DocChat.builder().build();
             DocChatHttpServer server = DocChatHttpServer.start(docChat,
                     HttpServerConfig.defaults().withPort(0).withMaxConcurrentStreams(Math.max(256, clients)))) {
            throughput(new BenchClient(server.baseUri()), clients, seconds, rounds, "in-memory DocChat in process");
        }
    }

    private static void throughput(BenchClient client, int clients, int seconds, int rounds, String target)
            throws Exception {
        String folderId = client.addFolder("throughput-" + System.currentTimeMillis());
        Random random = new Random(14);
        List<Long> ids = new ArrayList<>();
        for (int d = 0; d < 400; d++) {
            ids.add(client.submit(folderId, "doc-" + d + ".md",
                    HttpLoad.document(random, d).getBytes(StandardCharsets.UTF_8)));
        }
        for (long id : ids) {
            client.awaitFinal(id, Duration.ofMinutes(5));
        }
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(client.createSession(folderId, "throughput " + i));
        }
        System.out.printf("throughput: %s, %d clients, %d s per turn, %d rounds, %d cores, started %s%n", target,
                clients, seconds, rounds, Runtime.getRuntime().availableProcessors(), Instant.now());
        turn(client, sessions, "Retrieve", Math.max(3, seconds / 3));
        turn(client, sessions, "ChatStream", Math.max(3, seconds / 3));
        List<Double> ratios = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            Turn retrieve = turn(client, sessions, "Retrieve", seconds);
            Turn chat = turn(client, sessions, "ChatStream", seconds);
            double ratio = chat.perSecond() / retrieve.perSecond();
            ratios.add(ratio);
            System.out.printf("round %d: Retrieve %s%n         ChatStream %s%n         ChatStream / Retrieve %.2f%n", r,
                    retrieve, chat, ratio);
        }
        ratios.sort(Double::compare);
        System.out.printf("median ChatStream / Retrieve over %d rounds: %.2f%n", rounds, ratios.get(ratios.size() / 2));
    }

    /** One operation's turn: requests answered per second, failures by kind, latency (first event or whole body). */
    private record Turn(double perSecond, long answered, Map<String, Long> failures, double p50, double p99) {
        @Override
        public String toString() {
            return String.format("%.0f requests/s (%d answered, failed %s), latency p50 %.1f ms, p99 %.1f ms",
                    perSecond, answered, failures, p50, p99);
        }
    }

    private static Turn turn(BenchClient client, List<String> sessions, String operation, int seconds)
            throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentHashMap<String, Long> failures = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (String sessionId : sessions) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < window[1]) {
                    String failure = operation.equals("Retrieve") ? client.retrieve(latencies::add)
                            : client.chatStream(sessionId, latencies::add);
                    if (System.nanoTime() > window[1]) {
                        break; // ended after the window: not counted either way
                    }
                    if (failure == null) {
                        answered.incrementAndGet();
                    } else {
                        failures.merge(failure, 1L, Long::sum);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Turn(answered.get() / (double) seconds, answered.get(), new TreeMap<>(failures),
                sorted.length == 0 ? 0 : percentile(sorted, 0.50), sorted.length == 0 ? 0 : percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
