package io.docchat.http.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.http.StrictSse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The aidoc calls the load programs make over plain HTTP (local mode, no signature), against a server in this process
 * or another one.
 */
final class BenchClient {
    static final String QUESTION = "How do I prime the pump?";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    BenchClient(URI base) {
        this.base = base;
    }

    String addFolder(String name) throws IOException, InterruptedException {
        return call("POST", "/api/v1/aidoc/folder/add", "AddFolder", Map.of("folderName", name, "parentFolderId", "0"))
                .path("folderId").asText();
    }

    String createSession(String folderId, String name) throws IOException, InterruptedException {
        return call("POST", "/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                Map.of("folderId", folderId, "name", name)).path("sessionId").asText();
    }

    /** Uploads a file in the request body; returns its document's id once the server has accepted it. */
    long submit(String folderId, String name, byte[] content) throws IOException, InterruptedException {
        URI uri = base.resolve("/api/v2/aidoc/document/submitDocParsingTask?fileName="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&folderId=" + folderId);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/octet-stream")
                .header("x-acs-action", "SubmitDocParsingTask")
                .header("x-acs-version", "2022-09-23")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        return Long.parseLong(data(http.send(request, HttpResponse.BodyHandlers.ofByteArray())).path("taskId")
                .asText());
    }

    /** The document's detail once it is parsed or failed, or as it is at the deadline. */
    JsonNode awaitFinal(long id, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode detail = call("GET", "/api/v1/aidoc/document/detail?taskId=" + id, "DetailDocument", null);
            String status = detail.path("jobStatus").asText();
            if (status.equals("PARSING_COMPLETED") || status.equals("PARSING_FAILED")
                    || System.nanoTime() > deadline) {
                return detail;
            }
            Thread.sleep(100);
        }
    }

    /**
     * One ChatStream read to its end, as a client does.
     *
     * @param firstEvent receives the nanoseconds from sending to having parsed the first event
     * @return null when the answer ended {@code COMPLETED}, otherwise what went wrong
     */
    String chatStream(String sessionId, LongConsumer firstEvent) {
        try {
            long start = System.nanoTime();
            HttpResponse<InputStream> response = http.send(post("/api/v2/aidoc/document/chat/stream", "ChatStream",
                    Map.of("sessionId", sessionId, "question", QUESTION)), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    in.readAllBytes();
                    return "status " + response.statusCode();
                }
                StrictSse events = new StrictSse(in);
                StrictSse.Event event = events.next();
                if (event == null) {
                    return "empty stream";
                }
                firstEvent.accept(System.nanoTime() - start);
                JsonNode last = event.data();
                while ((event = events.next()) != null) {
                    last = event.data();
                }
                String status = last.path("data").path("status").asText();
                return "COMPLETED".equals(status) ? null : "ended " + status;
            }
        } catch (Exception | AssertionError e) {
            return e.getClass().getSimpleName();
        }
    }

    /**
     * One Retrieve of the account's knowledge base, read to its end.
     *
     * @param whole receives the nanoseconds from sending to having the whole answer
     * @return null when it answered 200 with results, otherwise what went wrong
     */
    String retrieve(LongConsumer whole) {
        try {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(post("/api/v2/aidoc/knowledgebase/retrieve", "Retrieve",
                    Map.of("query", QUESTION, "topK", 5)), HttpResponse.BodyHandlers.ofByteArray());
            whole.accept(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                return "status " + response.statusCode();
            }
            return JSON.readTree(response.body()).path("data").path("results").isEmpty() ? "no results" : null;
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private HttpRequest post(String path, String action, Map<String, ?> body) throws IOException {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("x-acs-action", action)
                .header("x-acs-version", "2022-09-23")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }

    private JsonNode call(String method, String path, String action, Map<String, ?> body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("x-acs-action", action)
                .header("x-acs-version", "2022-09-23")
                .timeout(Duration.ofMinutes(1));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        return data(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static JsonNode data(HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body()).path("data");
    }
}
