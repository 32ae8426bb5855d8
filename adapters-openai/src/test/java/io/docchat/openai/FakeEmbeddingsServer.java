package io.docchat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server speaking the OpenAI {@code POST /v1/embeddings} wire format. Its vectors are hashed bags of
 * roughly stemmed words (not unit length, as some real backends' are not), so texts that share words are close; a
 * test can make chosen requests fail with a status first.
 */
final class FakeEmbeddingsServer implements AutoCloseable {
    static final int DIMENSION = 64;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    /** Statuses to answer the first requests with, in order, before answering normally. */
    private final List<Integer> failures = new CopyOnWriteArrayList<>();
    private volatile boolean dropOneVector;

    FakeEmbeddingsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/embeddings", exchange -> {
            try {
                respond(exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void failFirst(Integer... statuses) {
        failures.addAll(List.of(statuses));
    }

    void dropOneVector() {
        dropOneVector = true;
    }

    List<JsonNode> requests() {
        return requests;
    }

    List<String> authorizations() {
        return authorizations;
    }

    int requestCount() {
        return count.get();
    }

    private void respond(HttpExchange exchange) throws IOException {
        count.incrementAndGet();
        JsonNode request = json.readTree(exchange.getRequestBody());
        requests.add(request);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (!failures.isEmpty()) {
            int status = failures.remove(0);
            send(exchange, status, "{\"error\":{\"message\":\"scripted failure " + status + "\",\"type\":\"test\"}}");
            return;
        }
        int dimension = request.path("dimensions").asInt(DIMENSION);
        ObjectNode body = json.createObjectNode();
        body.put("object", "list");
        body.put("model", request.path("model").asText());
        ArrayNode data = body.putArray("data");
        JsonNode input = request.path("input");
        int n = input.size() - (dropOneVector ? 1 : 0);
        // Answered in reverse order, as the protocol allows: the index field says which text each vector is for.
        for (int i = n - 1; i >= 0; i--) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            ArrayNode vector = item.putArray("embedding");
            for (float v : bagOfWords(input.get(i).asText(), dimension)) {
                vector.add(v);
            }
        }
        body.putObject("usage").put("prompt_tokens", 1).put("total_tokens", 1);
        send(exchange, 200, json.writeValueAsString(body));
    }

    static float[] bagOfWords(String text, int dimension) {
        float[] v = new float[dimension];
        v[dimension - 1] = 0.05f;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 3) {
                continue;
            }
            String stem = word.replaceAll("(ing|ed|es|s|e)$", "");
            v[Math.floorMod(stem.hashCode(), dimension - 1)] += 3;
        }
        return v;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
