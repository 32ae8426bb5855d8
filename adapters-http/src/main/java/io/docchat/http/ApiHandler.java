package io.docchat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.DocChatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request passes here: route, authenticate, check the action headers, read the body under its limit, run the
 * operation, and answer with the envelope or an error of the API. Logs one access line per request.
 *
 * <p>A blocking Jetty handler: Jetty runs it on a pool thread once the request line and headers are in, and the
 * operations below (SQLite, Lucene, the answer model) block. Whole responses are written without blocking; streamed
 * answers through a {@link ResponseChannel} whose writes wait at most the write timeout.
 */
final class ApiHandler extends Handler.Abstract {
    static final String API_VERSION = "2022-09-23";
    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
    /**
     * Seconds a client is told to wait ({@code Retry-After}) before repeating a request refused with 429 or 503: long
     * enough for an answer slot or a place in the ingest queue to free up, short enough for an interactive client.
     */
    static final int RETRY_AFTER_SECONDS = 2;
    private static final Logger accessLog = LoggerFactory.getLogger("io.docchat.http.access");

    private final Map<String, List<Route>> routes;
    private final Authenticator authenticator;
    private final LocalModeGuard localGuard;
    private final SignedUrls signedUrls;
    private final DocumentOperations documents;
    private final ErrorBodies errors;
    private final ObjectMapper json;
    private final Timeouts timeouts;
    private final HeaderDeadline headerDeadline;
    private final Duration requestTimeout;
    private final Duration writeTimeout;
    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    ApiHandler(Map<String, List<Route>> routes, Authenticator authenticator, LocalModeGuard localGuard,
               SignedUrls signedUrls, DocumentOperations documents, ErrorBodies errors, ObjectMapper json,
               Timeouts timeouts, HeaderDeadline headerDeadline, HttpServerConfig config) {
        super(InvocationType.BLOCKING);
        this.routes = routes;
        this.authenticator = authenticator;
        this.localGuard = localGuard;
        this.signedUrls = signedUrls;
        this.documents = documents;
        this.errors = errors;
        this.json = json;
        this.timeouts = timeouts;
        this.headerDeadline = headerDeadline;
        this.requestTimeout = config.requestTimeout();
        this.writeTimeout = config.writeTimeout();
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxUploadBytes = config.maxUploadBytes();
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
    public boolean handle(Request request, Response response, Callback callback) {
        inFlight.incrementAndGet();
        Callback counted = Callback.from(callback, () -> {
            inFlight.decrementAndGet();
            headerDeadline.responseEnded(request.getConnectionMetaData().getConnection());
        });
        ResponseChannel channel = new ResponseChannel(request, response, counted, writeTimeout);
        long start = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        int status;
        try {
            channel.header("x-acs-request-id", requestId);
            if (closing) {
                channel.header("Connection", "close");
                throw new ApiException(503, "ServiceUnavailable", "the server is shutting down");
            }
            status = respond(channel, requestId, dispatch(request, channel, requestId, method, path));
        } catch (ApiException e) {
            status = error(request, channel, requestId, e);
        } catch (DocChatException e) {
            ApiException mapped = ErrorMapping.toApi(e);
            if (mapped.status() >= 500) {
                log.error("request {} {} {} failed: {}", requestId, method, path, e.getMessage(), e);
            }
            status = error(request, channel, requestId, mapped);
        } catch (IOException e) {
            log.debug("request {}: connection failed: {}", requestId, e.toString());
            channel.abort(e);
            status = 499;
        } catch (RuntimeException | Error e) {
            // Errors too: a broken component must still give the caller a 500 with a request id, not a dropped line.
            log.error("request {} {} {} failed", requestId, method, path, e);
            status = error(request, channel, requestId, new ApiException(500, "InternalError",
                    "internal error; quote request id " + requestId));
        } finally {
            channel.finish();
        }
        accessLog.info("{} {} {} {} {}ms", requestId, method, path, status,
                (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    private Reply dispatch(Request request, ResponseChannel channel, String requestId, String method, String path)
            throws IOException {
        if (path.equals("/health")) {
            requireMethod(method, "GET");
            return new Reply.Bytes("application/json", "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
        }
        RequestHeaders headers = headers(request);
        localGuard.check(headers);
        String rawQuery = request.getHttpURI().getQuery();
        if (path.startsWith(SignedUrls.FILES_PREFIX) || path.startsWith(SignedUrls.PAGES_PREFIX)) {
            requireMethod(method, "GET");
            SignedUrls.Target target = signedUrls.verify(path, rawQuery);
            if (target instanceof SignedUrls.Target.File file) {
                return documents.file(file);
            }
            return documents.pageImage((SignedUrls.Target.PageImage) target);
        }
        if (path.equals("/") || path.startsWith(ConsoleAssets.PREFIX)) {
            requireMethod(method, "GET");
            Optional<ConsoleAssets.Asset> asset = ConsoleAssets.find(path);
            if (asset.isEmpty()) {
                throw new ApiException(404, "NotFound", "no console file at " + path);
            }
            channel.header("Cache-Control", "no-cache");
            channel.header("Content-Security-Policy", "default-src 'self'");
            return new Reply.Bytes(asset.get().contentType(), asset.get().bytes());
        }
        List<Route> candidates = routes.get(path);
        if (candidates == null) {
            throw new ApiException(404, "NotFound", "no operation at " + path);
        }
        Route route = candidates.stream().filter(r -> r.method().equals(method)).findFirst()
                .orElseThrow(() -> new ApiException(405, "MethodNotAllowed",
                        path + " accepts " + candidates.get(0).method() + ", not " + method));
        Authenticator.Pending pending = authenticator.begin(method, path, rawQuery, headers);
        checkAction(headers, route);
        localGuard.checkContentType(headers, route.body());
        byte[] body = readBody(request, request.getLength(),
                route.body() == Route.BodyKind.UPLOAD ? maxUploadBytes : maxBodyBytes);
        String accountId = authenticator.finish(pending, body);
        JsonBody jsonBody = JsonBody.parse(json, route.body() == Route.BodyKind.JSON ? body : new byte[0]);
        return route.operation().handle(
                new ApiRequest(requestId, accountId, headers, channel, QueryParams.parse(rawQuery), body, jsonBody));
    }

    private byte[] readBody(Request request, long declared, long limit) throws IOException {
        // A client that trickles its body would hold a worker forever: the connection is closed at the deadline.
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        Timeouts.Alarm deadline = timeouts.arm(requestTimeout, endPoint::close);
        try {
            InputStream in = Content.Source.asInputStream(request);
            return BodyReader.read(in, declared, limit);
        } catch (IOException e) {
            if (endPoint.isOpen() && causedByTimeout(e)) {
                // The body stopped arriving for the idle timeout, while the connection can still carry an answer.
                throw new ApiException(408, "RequestTimeout", "the request body stopped arriving; nothing was kept");
            }
            throw e;
        } finally {
            deadline.close();
        }
    }

    private static boolean causedByTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static RequestHeaders headers(Request request) {
        return RequestHeaders.of(() -> request.getHeaders().stream()
                .map(field -> Map.entry(field.getName(), field.getValue() == null ? "" : field.getValue()))
                .iterator());
    }

    private static void checkAction(RequestHeaders headers, Route route) {
        String action = headers.first("x-acs-action");
        if (action != null && !action.equals(route.action())) {
            throw new ApiException(400, "InvalidAction",
                    "x-acs-action " + action + " does not match " + route.path() + " (" + route.action() + ")");
        }
        String version = headers.first("x-acs-version");
        if (version != null && !version.equals(API_VERSION)) {
            throw new ApiException(400, "InvalidAction", "x-acs-version must be " + API_VERSION);
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiException(405, "MethodNotAllowed", "only " + allowed + " is allowed here");
        }
    }

    private int respond(ResponseChannel channel, String requestId, Reply reply) throws IOException {
        if (reply instanceof Reply.Written) {
            return 200;
        }
        if (reply instanceof Reply.Data data) {
            channel.sendWhole(200, "application/json;charset=utf-8",
                    json.writeValueAsBytes(new EventStreamWriter.Envelope(requestId, data.data())));
        } else {
            Reply.Bytes raw = (Reply.Bytes) reply;
            channel.header("X-Content-Type-Options", "nosniff");
            channel.sendWhole(200, raw.contentType(), raw.content());
        }
        return 200;
    }

    private int error(Request request, ResponseChannel channel, String requestId, ApiException e) {
        if (channel.committed()) {
            // The status line is already out (an event stream): nothing more can be said to this client.
            log.warn("request {} failed after the response started: {} {}", requestId, e.code(), e.getMessage());
            channel.abort(e);
            return 200;
        }
        discardUnreadBody(request);
        if (e.status() == 413 || e.status() == 503) {
            // An oversized body may not have been read to its end: this connection cannot carry another request.
            channel.header("Connection", "close");
        }
        if (e.status() == 429 || e.status() == 503) {
            // Busy, throttled or unavailable for now: say when trying again makes sense (RFC 9110, 10.2.3).
            channel.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        channel.sendWhole(e.status(), ErrorBodies.CONTENT_TYPE, errors.body(requestId, e.code(), e.getMessage()));
        return e.status();
    }

    /**
     * Drops the body of a request refused before its body was read (unknown key, wrong action, unknown path), so
     * that a client which writes its whole body before reading, as the SDKs' HTTP clients do, gets the error rather
     * than a reset connection. Only bodies of a declared length up to {@link BodyReader#MAX_DISCARD_BYTES} are read,
     * under the request timeout; a body already read to its end costs nothing here.
     */
    private void discardUnreadBody(Request request) {
        long length = request.getLength();
        HttpField chunked = request.getHeaders().getField("Transfer-Encoding");
        long remaining = length > 0 ? length : chunked != null ? BodyReader.MAX_DISCARD_BYTES : 0;
        if (remaining <= 0 || remaining > BodyReader.MAX_DISCARD_BYTES) {
            return;
        }
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        Timeouts.Alarm deadline = timeouts.arm(requestTimeout, endPoint::close);
        try {
            BodyReader.discard(Content.Source.asInputStream(request), remaining);
        } finally {
            deadline.close();
        }
    }
}
