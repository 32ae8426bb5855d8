package io.docchat.cluster.bench;

import io.docchat.cli.Backend;
import io.docchat.cli.DataHome;
import io.docchat.cli.ModelSettings;
import io.docchat.cli.PostgresBackend;
import io.docchat.cli.StoreSettings;
import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Session;
import io.docchat.documents.OcrSettings;
import io.docchat.http.DocChatHttpServer;
import io.docchat.http.HttpServerConfig;
import io.docchat.postgres.ThrowawayPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ChatStream throughput of one or two docchat nodes on one PostgreSQL database, with the offline extractive model:
 * N nodes in this JVM (each its own Lucene replica and HTTP server on loopback, local mode), a generated knowledge base
 * of {@value #DOCUMENTS} documents, and C concurrent clients, each with its own session and connection, asking Q
 * questions one after the other on node {@code client % N}. A warm-up round is not reported. Prints answers per second
 * and the latency of whole answers. A program, not a test; command in {@code docs/SCALING.md}.
 *
 * <p>Arguments: nodes (default 2), clients (default 200), questions per client (default 10).
 */
public final class ClusterLoad {
    private static final int DOCUMENTS = 200;
    private static final String[] TOPICS = {"valve", "pump", "gauge", "filter", "boiler", "compressor", "fan",
        "heater", "sensor", "motor"};

    private ClusterLoad() {}

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int questions = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String url = ThrowawayPostgres.shared().newDatabase();
        Path temp = Files.createTempDirectory("docchat-cluster-load-");
        List<Backend> backends = new ArrayList<>();
        List<DocChatHttpServer> servers = new ArrayList<>();
        try {
            for (int n = 0; n < nodes; n++) {
                Backend backend = PostgresBackend.open(new DataHome(temp.resolve("node-" + n)).create(),
                        new StoreSettings(url), ModelSettings.EXTRACTIVE, OcrSettings.disabled());
                backends.add(backend);
                servers.add(DocChatHttpServer.start(backend.docChat(),
                        HttpServerConfig.defaults().withPort(0)
                                .withMaxConcurrentStreams(Math.max(256, clients))
                                // Every client is the local account on 127.0.0.1: lift the per-account and
                                // per-address caps, which exist to keep one client from starving the others.
                                .withMaxAnswersPerAccount(Math.max(256, clients))
                                .withMaxConnectionsPerAddress(Math.max(512, 2 * clients))
                                .withMaxConnections(Math.max(1024, 4 * clients))));
            }
            DocChat first = backends.get(0).docChat();
            Folder folder = first.folders().ensurePath(Account.LOCAL, "manuals");
            List<Document> submitted = new ArrayList<>();
            for (int d = 0; d < DOCUMENTS; d++) {
                submitted.add(first.documents().submit(Account.LOCAL, folder.id(), "manual-" + d + ".txt",
                        manual(d).getBytes(StandardCharsets.UTF_8)));
            }
            for (Document document : submitted) {
                first.documents().awaitProcessed(Account.LOCAL, document.id(), Duration.ofMinutes(5));
            }
            List<String> sessions = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Session session = first.sessions().create(Account.LOCAL, folder.id(), "client " + c, null);
                sessions.add(session.id());
            }
            round(servers, sessions, Math.max(1, questions / 2), false);
            round(servers, sessions, questions, true);
        } finally {
            servers.forEach(DocChatHttpServer::close);
            backends.forEach(Backend::close);
        }
    }

    private static void round(List<DocChatHttpServer> servers, List<String> sessions, int questions, boolean report)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(sessions.size());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < sessions.size(); c++) {
            URI base = servers.get(c % servers.size()).baseUri();
            String session = sessions.get(c);
            int client = c;
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                try {
                    start.await();
                    for (int q = 0; q < questions; q++) {
                        String topic = TOPICS[(client + q) % TOPICS.length];
                        String body = "{\"sessionId\":\"" + session + "\",\"question\":\"How is the " + topic
                                + " of unit " + ((client * 7 + q) % DOCUMENTS) + " checked?\"}";
                        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v2/aidoc/document/chat/stream"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long begin = System.nanoTime();
                        HttpResponse<String> response;
                        try {
                            response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        } catch (java.io.IOException closedWhileIdle) {
                            // A kept-alive connection the server closed in between: what every client retries.
                            retries.incrementAndGet();
                            response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        }
                        latencies.add(System.nanoTime() - begin);
                        if (response.statusCode() != 200 || !response.body().contains("\"COMPLETED\"")) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, response.statusCode() + " " + response.body());
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        long begin = System.nanoTime();
        start.countDown();
        done.await();
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (report) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "nodes=%d clients=%d answers=%d errors=%d retries=%d wall=%.2fs answers/s=%.1f"
                            + " latency p50=%.0fms p99=%.0fms%n", servers.size(), sessions.size(), sorted.size(),
                    errors.get(), retries.get(), seconds, sorted.size() / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
        }
        if (firstError.get() != null) {
            System.out.println("first error: " + firstError.get());
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size()))) / 1e6;
    }

    private static String manual(int d) {
        StringBuilder sb = new StringBuilder("Service manual for unit " + d + "\n\n");
        for (int p = 0; p < 10; p++) {
            String topic = TOPICS[(d + p) % TOPICS.length];
            sb.append("The ").append(topic).append(" of unit ").append(d).append(" is checked every ")
                    .append(p + 2).append(" weeks. The technician inspects the ").append(topic)
                    .append(" housing, cleans the contacts and records the reading in the log book.\n\n");
        }
        return sb.toString();
    }
}
