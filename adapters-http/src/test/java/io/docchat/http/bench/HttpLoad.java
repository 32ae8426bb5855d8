package io.docchat.http.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.DocChat;
import io.docchat.core.memory.InMemoryKnowledgeStore;
import io.docchat.core.model.Account;
import io.docchat.http.DocChatHttpServer;
import io.docchat.http.HttpServerConfig;
import io.docchat.http.LoadProbes;
import io.docchat.http.PacedAnswerModel;
import io.docchat.http.StrictSse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.stream.LongStream;

/**
 * HTTP load figures (a program, not a test) for the targets of the production-server issue, each against a real
 * in-memory DocChat behind a real server on loopback:
 *
 * <ul>
 *   <li>{@code loopback}: one client in a loop doing Retrieve, then ChatStream (extractive model, about 2,000
 *       passages): requests per second and time to first event (p50, p99);</li>
 *   <li>{@code slowloris}: 300 half-open connections plus 300 header tricklers (from 127.0.0.2 to 127.0.0.5), then
 *       legitimate requests from 127.0.0.1: their latency and whether all succeed;</li>
 *   <li>{@code stalled}: 256 ChatStreams of one account that never read, then another account's Chat; and how long
 *       until the stalled account may answer again (its slots freed by the write timeout);</li>
 *   <li>{@code fuzz}: 5,000 seeded malformed requests: answers that are not the API's JSON, and silent drops.</li>
 * </ul>
 *
 * <p>Arguments: {@code <scenario> [count]}; {@code all} runs every scenario. 200 concurrent ChatStreams are measured by
 * {@link StreamLoad}.
 */
public final class HttpLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpLoad() {}

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "all";
        System.out.printf("machine: %d cores, %s, java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"), Instant.now());
        if (scenario.equals("loopback") || scenario.equals("all")) {
            loopback(args.length > 1 ? Integer.parseInt(args[1]) : 2_000);
        }
        if (scenario.equals("slowloris") || scenario.equals("all")) {
            slowloris();
        }
        if (scenario.equals("stalled") || scenario.equals("all")) {
            stalled();
        }
        if (scenario.equals("fuzz") || scenario.equals("all")) {
            fuzz(args.length > 1 && !scenario.equals("all") ? Integer.parseInt(args[1]) : 5_000);
        }
    }

    // ---- one loopback client

    private static void loopback(int requests) throws Exception {
        InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
        try (DocChat docChat = DocChat.builder().knowledgeStore(store).build();
             DocChatHttpServer server = DocChatHttpServer.start(docChat, HttpServerConfig.defaults().withPort(0))) {
            String folderId = docChat.folders().create(Account.LOCAL, null, "corpus").id();
            Random random = new Random(14);
            List<Long> ids = new ArrayList<>();
            for (int d = 0; d < 400; d++) {
                ids.add(docChat.documents().submit(Account.LOCAL, folderId, "doc-" + d + ".md",
                        document(random, d).getBytes(StandardCharsets.UTF_8)).id());
            }
            for (long id : ids) {
                docChat.documents().awaitProcessed(Account.LOCAL, id, Duration.ofMinutes(2));
            }
            int passages = store.passages(LongStream.rangeClosed(1, 1_000_000).boxed().toList()).size();
            String sessionId = docChat.sessions().create(Account.LOCAL, folderId, "loop", null).id();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI retrieve = server.baseUri().resolve("/api/v2/aidoc/knowledgebase/retrieve");
            URI stream = server.baseUri().resolve("/api/v2/aidoc/document/chat/stream");
            byte[] retrieveBody = JSON.writeValueAsBytes(Map.of("query", "How is the pump primed?", "topK", 5));
            byte[] streamBody = JSON.writeValueAsBytes(Map.of("sessionId", sessionId,
                    "question", "How is the pump primed?"));
            System.out.printf("%nloopback: one client, %d documents, %d passages, extractive model%n", ids.size(),
                    passages);
            for (String operation : List.of("Retrieve", "ChatStream")) {
                URI uri = operation.equals("Retrieve") ? retrieve : stream;
                byte[] body = operation.equals("Retrieve") ? retrieveBody : streamBody;
                sequential(http, uri, operation, body, requests / 4);
                long[] firstEvent = new long[requests];
                long start = System.nanoTime();
                for (int i = 0; i < requests; i++) {
                    firstEvent[i] = sequential(http, uri, operation, body, 1);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Arrays.sort(firstEvent);
                System.out.printf("  %-10s %d requests: %.0f requests/s, first byte of the answer p50 %.2f ms, "
                        + "p99 %.2f ms%n", operation, requests, requests / seconds, percentile(firstEvent, 0.50),
                        percentile(firstEvent, 0.99));
            }
        }
    }

    /** Sends {@code times} requests one after the other; returns the nanoseconds to the first event of the last. */
    private static long sequential(HttpClient http, URI uri, String action, byte[] body, int times) throws Exception {
        long first = 0;
        for (int i = 0; i < times; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("x-acs-action", action)
                    .header("x-acs-version", "2022-09-23")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long start = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(action + " answered " + response.statusCode());
                }
                if (action.equals("ChatStream")) {
                    StrictSse events = new StrictSse(in);
                    events.next();
                    first = System.nanoTime() - start;
                    while (events.next() != null) {
                        // Read the answer to its end, as a client does.
                    }
                } else {
                    in.readAllBytes();
                    first = System.nanoTime() - start;
                }
            }
        }
        return first;
    }

    /** A generated manual in Markdown: a heading and 20 paragraphs of maintenance instructions. */
    static String document(Random random, int number) {
        String[] subjects = {"pump", "valve", "seal", "bearing", "motor", "filter", "gasket", "impeller"};
        String[] verbs = {"inspect", "replace", "prime", "tighten", "clean", "lubricate", "check", "adjust"};
        StringBuilder text = new StringBuilder("# Manual " + number + "\n\n");
        for (int p = 0; p < 20; p++) {
            for (int s = 0; s < 4; s++) {
                text.append("Always ").append(verbs[random.nextInt(verbs.length)]).append(" the ")
                        .append(subjects[random.nextInt(subjects.length)]).append(" after ")
                        .append(100 + random.nextInt(9_000)).append(" hours of service in unit ").append(number)
                        .append('-').append(p).append(". ");
            }
            text.append("\n\n");
        }
        return text.toString();
    }

    // ---- half-open connections and header tricklers

    private static void slowloris() throws Exception {
        try (DocChat docChat = DocChat.builder().build();
             DocChatHttpServer server = DocChatHttpServer.start(docChat, HttpServerConfig.defaults().withPort(0))) {
            URI base = server.baseUri();
            List<Socket> attackers = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < 600; i++) {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + (2 + i % 4)), 0));
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                if (i >= 300) {
                    socket.getOutputStream().write("POST /api/v2/aidoc/document/chat HTTP/1.1\r\nHost: x\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                }
                attackers.add(socket);
            }
            Thread trickle = new Thread(() -> {
                // One byte per attacker every 500 ms: under the idle timeout, so only the header deadline stops them.
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 300; i < attackers.size(); i++) {
                        try {
                            attackers.get(i).getOutputStream().write('X');
                        } catch (IOException e) {
                            // Closed by the server.
                        }
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long[] latencies = new long[50];
            int succeeded = 0;
            for (int i = 0; i < latencies.length; i++) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v2/aidoc/document/chat/folder/list"))
                        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    succeeded += response.statusCode() == 200 ? 1 : 0;
                } catch (IOException e) {
                    refused++;
                }
                latencies[i] = System.nanoTime() - start;
                Thread.sleep(100);
            }
            trickle.interrupt();
            int stillOpen = 0;
            for (Socket socket : attackers) {
                stillOpen += LoadProbes.openWithin(socket, 50) ? 1 : 0;
                socket.close();
            }
            Arrays.sort(latencies);
            System.out.printf("%nslowloris: 300 half-open + 300 trickling connections from 127.0.0.2-5; 50 requests "
                    + "from 127.0.0.1 over 5 s%n  legitimate: %d/50 succeeded (%d failed), latency p50 %.2f ms, "
                    + "p99 %.2f ms, max %.2f ms; attackers still open at the end: %d/600%n", succeeded, refused,
                    percentile(latencies, 0.5), percentile(latencies, 0.99),
                    latencies[latencies.length - 1] / 1e6, stillOpen);
        }
    }

    // ---- stalled readers

    private static void stalled() throws Exception {
        PacedAnswerModel stalling = new PacedAnswerModel(1_000_000, Duration.ZERO, 16_384);
        HttpServerConfig config = HttpServerConfig.defaults().withPort(0);
        try (DocChat docChat = DocChat.builder().answerModel(LoadProbes.byQuestion(stalling)).build()) {
            String tokenA = docChat.accounts().issueBearerToken("a", "load").token();
            String tokenB = docChat.accounts().issueBearerToken("b", "load").token();
            stalled(docChat, config, tokenA, tokenB);
        }
    }

    private static void stalled(DocChat docChat, HttpServerConfig config, String tokenA, String tokenB)
            throws Exception {
        try (DocChatHttpServer server = DocChatHttpServer.start(docChat, config)) {
            URI base = server.baseUri();
            String sessionA = LoadProbes.session(docChat, "a");
            String sessionB = LoadProbes.session(docChat, "b");
            List<Socket> readers = new ArrayList<>();
            int accepted = 0;
            int throttled = 0;
            long lastAccepted = 0;
            long start = System.nanoTime();
            for (int i = 0; i < 256; i++) {
                Socket socket = LoadProbes.openStream(base, "127.0.0.2", tokenA, sessionA,
                        "stall: how is the pump primed?");
                String status = LoadProbes.statusLine(socket);
                if (status.startsWith("HTTP/1.1 200")) {
                    accepted++;
                    lastAccepted = System.nanoTime();
                } else {
                    throttled++;
                }
                readers.add(socket);
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long[] otherLatencies = new long[20];
            int otherOk = 0;
            for (int i = 0; i < otherLatencies.length; i++) {
                long sent = System.nanoTime();
                HttpResponse<String> other = http.send(chat(base, tokenB, sessionB),
                        HttpResponse.BodyHandlers.ofString());
                otherLatencies[i] = System.nanoTime() - sent;
                otherOk += other.statusCode() == 200 ? 1 : 0;
            }
            Arrays.sort(otherLatencies);
            int aStatus = http.send(chat(base, tokenA, sessionA), HttpResponse.BodyHandlers.ofString()).statusCode();
            int refusedBefore = aStatus == 429 ? 1 : 0;
            while (aStatus == 429 && System.nanoTime() - lastAccepted < Duration.ofMinutes(3).toNanos()) {
                Thread.sleep(50);
                aStatus = http.send(chat(base, tokenA, sessionA), HttpResponse.BodyHandlers.ofString()).statusCode();
            }
            double freedSeconds = (System.nanoTime() - lastAccepted) / 1e9;
            int closedByServer = 0;
            for (Socket socket : readers) {
                closedByServer += LoadProbes.openWithin(socket, 1) ? 0 : 1;
                socket.close();
            }
            System.out.printf("%nstalled: account A opens 256 ChatStreams (from 127.0.0.2) in %.1f s and never reads (write timeout %d s,"
                    + " maxAnswersPerAccount %d)%n"
                    + "  A: %d answering, %d refused 429%n"
                    + "  B's Chat meanwhile: %d/20 HTTP 200, p50 %.1f ms, max %.1f ms%n"
                    + "  A's own next Chat: %s; answered again (HTTP %d) %.1f s after its last stream started; "
                    + "connections closed by the server: %d/256%n", openSeconds, config.writeTimeout().toSeconds(),
                    config.maxAnswersPerAccount(), accepted, throttled, otherOk, percentile(otherLatencies, 0.5),
                    otherLatencies[otherLatencies.length - 1] / 1e6, refusedBefore == 1 ? "429 at first" : "not refused",
                    aStatus, freedSeconds, closedByServer);
        }
    }

    private static HttpRequest chat(URI base, String token, String sessionId) throws IOException {
        return HttpRequest.newBuilder(base.resolve("/api/v2/aidoc/document/chat"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("x-acs-bearer-token", token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(
                        Map.of("sessionId", sessionId, "question", "How is the pump primed?")))).build();
    }

    // ---- malformed requests

    private static void fuzz(int count) throws Exception {
        try (DocChat docChat = DocChat.builder().build()) {
            // An access key, so that the server authenticates as it does in production.
            docChat.accounts().issueAccessKey("a");
            fuzz(docChat, count);
        }
    }

    private static void fuzz(DocChat docChat, int count) throws Exception {
        try (DocChatHttpServer server = DocChatHttpServer.start(docChat,
                     HttpServerConfig.defaults().withPort(0).withMaxBodyBytes(4096).withMaxHeaderBytes(4096)
                             .withHeaderTimeout(Duration.ofSeconds(2)))) {
            LoadProbes.FuzzOutcome outcome = LoadProbes.fuzz(server.baseUri(), 14, count);
            System.out.printf("%nfuzz: %d seeded malformed requests (seed 14)%n  non-JSON answers or silent drops: "
                    + "%d; statuses %s%n", count, outcome.bad(), outcome.statuses());
            outcome.examples().forEach(example -> System.out.println("  " + example));
        }
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
