package io.docchat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.docchat.core.DocChatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request passes here: route, authenticate, check the action headers, read the body under its limit, run the
 * operation, and answer with the envelope or an error of the API. Logs one access line per request.
 */
final class ApiHandler implements HttpHandler {
    static final String API_VERSION = "2022-09-23";
    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
    private static final Logger accessLog = LoggerFactory.getLogger("io.docchat.http.access");

    private final Map<String, List<Route>> routes;
    private final Authenticator authenticator;
    private final SignedUrls signedUrls;
    private final DocumentOperations documents;
    private final ObjectMapper json;
    private final Timeouts timeouts;
    private final Duration requestTimeout;
    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final String hostId;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    ApiHandler(Map<String, List<Route>> routes, Authenticator authenticator, SignedUrls signedUrls,
               DocumentOperations documents, ObjectMapper json, Timeouts timeouts, HttpServerConfig config) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.signedUrls = signedUrls;
        this.documents = documents;
        this.json = json;
        this.timeouts = timeouts;
        this.requestTimeout = config.requestTimeout();
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxUploadBytes = config.maxUploadBytes();
        this.hostId = config.host();
    }

    /** From now on every new request is refused with 503, so that the requests in progress can drain. */
    void startClosing() {
        closing = true;
    }

    /** Requests being handled right now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try {
            handleCounted(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void handleCounted(HttpExchange exchange) {
        long start = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        int status;
        try {
            exchange.getResponseHeaders().set("x-acs-request-id", requestId);
            if (closing) {
                exchange.getResponseHeaders().set("Connection", "close");
                throw new ApiException(503, "ServiceUnavailable", "the server is shutting down");
            }
            status = respond(exchange, requestId, dispatch(exchange, requestId, method, path));
        } catch (ApiException e) {
            status = error(exchange, requestId, e);
        } catch (DocChatException e) {
            ApiException mapped = ErrorMapping.toApi(e);
            if (mapped.status() >= 500) {
                log.error("request {} {} {} failed: {}", requestId, method, path, e.getMessage(), e);
            }
            status = error(exchange, requestId, mapped);
        } catch (IOException e) {
            log.debug("request {}: connection failed: {}", requestId, e.toString());
            status = 499;
        } catch (RuntimeException | Error e) {
            // Errors too: a broken component must still give the caller a 500 with a request id, not a dropped line.
            log.error("request {} {} {} failed", requestId, method, path, e);
            status = error(exchange, requestId, new ApiException(500, "InternalError",
                    "internal error; quote request id " + requestId));
        } finally {
            exchange.close();
        }
        accessLog.info("{} {} {} {} {}ms", requestId, method, path, status,
                (System.nanoTime() - start) / 1_000_000);
    }

    private Reply dispatch(HttpExchange exchange, String requestId, String method, String path) throws IOException {
        if (path.equals("/health")) {
            requireMethod(method, "GET");
            return new Reply.Bytes("application/json", "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
        }
        if (path.startsWith(SignedUrls.FILES_PREFIX) || path.startsWith(SignedUrls.PAGES_PREFIX)) {
            requireMethod(method, "GET");
            SignedUrls.Target target = signedUrls.verify(path, exchange.getRequestURI().getRawQuery());
            if (target instanceof SignedUrls.Target.File file) {
                return documents.file(file);
            }
            return documents.pageImage((SignedUrls.Target.PageImage) target);
        }
        if (path.equals("/") || path.startsWith(ConsoleAssets.PREFIX)) {
            requireMethod(method, "GET");
            ConsoleAssets.Asset asset = ConsoleAssets.find(path)
                    .orElseThrow(() -> new ApiException(404, "NotFound", "no console file at " + path));
            // The console's scripts and styles are all files of its own: nothing inline, nothing from elsewhere.
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            return new Reply.Bytes(asset.contentType(), asset.bytes());
        }
        List<Route> candidates = routes.get(path);
        if (candidates == null) {
            throw new ApiException(404, "NotFound", "no operation at " + path);
        }
        Route route = candidates.stream().filter(r -> r.method().equals(method)).findFirst()
                .orElseThrow(() -> new ApiException(405, "MethodNotAllowed",
                        path + " accepts " + candidates.get(0).method() + ", not " + method));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Authenticator.Pending pending = authenticator.begin(method, path, rawQuery, exchange.getRequestHeaders());
        checkAction(exchange, route);
        byte[] body = readBody(exchange, route.body() == Route.BodyKind.UPLOAD ? maxUploadBytes : maxBodyBytes);
        String accountId = authenticator.finish(pending, body);
        JsonBody jsonBody = JsonBody.parse(json, route.body() == Route.BodyKind.JSON ? body : new byte[0]);
        return route.operation().handle(
                new ApiRequest(requestId, accountId, exchange, QueryParams.parse(rawQuery), body, jsonBody));
    }

    private byte[] readBody(HttpExchange exchange, long limit) throws IOException {
        // A client that trickles its body would hold a worker forever: the connection is closed at the deadline.
        Timeouts.Alarm deadline = timeouts.arm(requestTimeout, exchange::close);
        try {
            return BodyReader.read(exchange, limit);
        } finally {
            deadline.close();
        }
    }

    /**
     * Drops the body of a request refused before its body was read (unknown key, wrong action, unknown path), so
     * that a client which writes its whole body before reading, as the SDKs' HTTP clients do, gets the error rather
     * than a reset connection. Only bodies of a declared length up to {@link BodyReader#MAX_DISCARD_BYTES} are read,
     * under the request timeout. A body already read to its end costs nothing here: its stream is at its end.
     * (Exchange attributes cannot mark it: the JDK server shares them across every exchange of a context.)
     */
    private void discardUnreadBody(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (length <= 0 || length > BodyReader.MAX_DISCARD_BYTES) {
            return;
        }
        Timeouts.Alarm deadline = timeouts.arm(requestTimeout, exchange::close);
        try {
            BodyReader.discard(exchange.getRequestBody(), length);
        } finally {
            deadline.close();
        }
    }

    private static void checkAction(HttpExchange exchange, Route route) {
        String action = exchange.getRequestHeaders().getFirst("x-acs-action");
        if (action != null && !action.equals(route.action())) {
            throw new ApiException(400, "InvalidAction",
                    "x-acs-action " + action + " does not match " + route.path() + " (" + route.action() + ")");
        }
        String version = exchange.getRequestHeaders().getFirst("x-acs-version");
        if (version != null && !version.equals(API_VERSION)) {
            throw new ApiException(400, "InvalidAction", "x-acs-version must be " + API_VERSION);
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiException(405, "MethodNotAllowed", "only " + allowed + " is allowed here");
        }
    }

    private int respond(HttpExchange exchange, String requestId, Reply reply) throws IOException {
        if (reply instanceof Reply.Written) {
            return 200;
        }
        byte[] bytes;
        String contentType;
        if (reply instanceof Reply.Data data) {
            bytes = json.writeValueAsBytes(new EventStreamWriter.Envelope(requestId, data.data()));
            contentType = "application/json;charset=utf-8";
        } else {
            Reply.Bytes raw = (Reply.Bytes) reply;
            bytes = raw.content();
            contentType = raw.contentType();
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        }
        send(exchange, 200, contentType, bytes);
        return 200;
    }

    private int error(HttpExchange exchange, String requestId, ApiException e) {
        if (exchange.getResponseCode() != -1) {
            // The status line is already out (an event stream): nothing more can be said to this client.
            log.warn("request {} failed after the response started: {} {}", requestId, e.code(), e.getMessage());
            return exchange.getResponseCode();
        }
        discardUnreadBody(exchange);
        ObjectNode body = json.createObjectNode();
        body.put("RequestId", requestId);
        body.put("Code", e.code());
        body.put("Message", e.getMessage());
        body.put("HostId", hostId);
        try {
            if (e.status() == 413) {
                // An oversized body may not have been read to its end: this connection cannot carry another request.
                exchange.getResponseHeaders().set("Connection", "close");
            }
            send(exchange, e.status(), "application/json;charset=utf-8", json.writeValueAsBytes(body));
        } catch (IOException io) {
            log.debug("request {}: could not send the error: {}", requestId, io.toString());
        }
        return e.status();
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
