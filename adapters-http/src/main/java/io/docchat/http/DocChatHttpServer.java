package io.docchat.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aidoc HTTP API over a {@link DocChat}, wire-compatible with the official Alibaba Cloud SDKs, on Jetty 12 (its
 * core handler API; no servlet container).
 *
 * <pre>{@code
 * try (DocChatHttpServer server = DocChatHttpServer.start(docChat, HttpServerConfig.defaults())) {
 *     URI api = server.baseUri();   // e.g. http://127.0.0.1:18080
 *     awaitShutdownSignal();
 * }
 * }</pre>
 *
 * <p>Requests are authenticated with ACS3-HMAC-SHA256 or ROA HMAC-SHA1 signatures or bearer tokens of
 * {@link DocChat#accounts()}. A server bound to a loopback address whose accounts have neither access keys nor bearer tokens
 * runs in local mode: no authentication, every request acts for {@link Account#LOCAL}, and only loopback
 * {@code Host} and {@code Origin} values are answered ({@link LocalModeGuard}). A server bound to any other address
 * refuses to start without credentials. The mode is decided at start.
 *
 * <p>The server drives a {@link DocChat} it was handed and does not own it: {@link #close()} stops the server and
 * leaves the {@code DocChat} open, so that answers interrupted by the shutdown can still be read; the host closes
 * it after the server.
 *
 * <p>File and page-image URLs are signed with {@link HttpServerConfig#signedUrlSecret()}; without one, a random key is
 * made at start and the URLs stop working when the process ends.
 */
public final class DocChatHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DocChatHttpServer.class);

    private final Server server;
    private final Timeouts timeouts;
    private final ChatOperations chat;
    private final ApiHandler handler;
    private final java.time.Duration shutdownGrace;
    private final boolean localMode;
    private final URI baseUri;
    private boolean closed;

    private DocChatHttpServer(Server server, Timeouts timeouts, ChatOperations chat, ApiHandler handler,
                              java.time.Duration shutdownGrace, boolean localMode, URI baseUri) {
        this.server = server;
        this.timeouts = timeouts;
        this.chat = chat;
        this.handler = handler;
        this.shutdownGrace = shutdownGrace;
        this.localMode = localMode;
        this.baseUri = baseUri;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalStateException when bound to a non-loopback address and the store has no credentials
     * @throws UncheckedIOException  when the address cannot be bound
     */
    public static DocChatHttpServer start(DocChat docChat, HttpServerConfig config) {
        InetAddress address;
        try {
            address = InetAddress.getByName(config.host());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve host " + config.host(), e);
        }
        boolean hasCredentials = docChat.accounts().hasCredentials();
        boolean loopback = address.isLoopbackAddress();
        if (!loopback && !hasCredentials) {
            throw new IllegalStateException("refusing to listen on " + config.host()
                    + " without access keys or bearer tokens: create an access key, or bind to 127.0.0.1");
        }
        boolean localMode = loopback && !hasCredentials;

        // An answer in progress holds its thread, so answers get their own share on top of the ordinary workers;
        // Jetty's acceptor and selector take a few more.
        QueuedThreadPool threads = new QueuedThreadPool(config.workerThreads() + config.maxConcurrentStreams() + 8,
                Math.min(8, config.workerThreads()));
        threads.setName("docchat-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setStopAtShutdown(false);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(config.maxHeaderBytes());
        http.setIdleTimeout(config.idleTimeout().toMillis());
        // RFC 9110/9112 strictly, and no ambiguous path escapes (%2F, %2E segments, bad %-escapes): 400.
        http.setHttpCompliance(HttpCompliance.RFC9110);
        http.setUriCompliance(UriCompliance.DEFAULT);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        // Jetty's default too: small writes (each server-sent event) go out at once instead of waiting out Nagle's
        // algorithm against the client's delayed acknowledgement, which cost 40 ms per request on loopback.
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(config.maxConnections(), connector));

        ObjectMapper json = new ObjectMapper();
        json.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        ErrorBodies errors = new ErrorBodies(json, config.host());
        Timeouts timeouts = new Timeouts("docchat-http-timeouts");
        HeaderDeadline headerDeadline = new HeaderDeadline(timeouts, config.headerTimeout(), errors);
        connector.addBean(new PerAddressConnectionLimit(config.maxConnectionsPerAddress(), errors));
        connector.addBean(headerDeadline);
        server.setErrorHandler(new JsonErrorHandler(errors));

        try {
            connector.open();
        } catch (IOException e) {
            timeouts.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
        int port = connector.getLocalPort();
        String bound = "http://" + (address.getHostAddress().contains(":")
                ? "[" + address.getHostAddress() + "]" : address.getHostAddress()) + ":" + port;
        URI baseUri = URI.create(bound);
        String publicBase = config.publicBaseUrl().orElse(bound);

        byte[] urlKey = config.signedUrlSecret().orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        SignedUrls signedUrls = new SignedUrls(urlKey, config.signedUrlTtl(), config.clock(), publicBase);
        WireMapper wire = new WireMapper(json, signedUrls, docChat.documents().imageScale(), config.clock().getZone());
        // In local mode there is one account: sharing the answer slots fairly among accounts means nothing there.
        ChatOperations chat = new ChatOperations(docChat, wire, json, config.streamFormatJson(),
                config.maxConcurrentStreams(),
                localMode ? config.maxConcurrentStreams() : config.maxAnswersPerAccount());
        StagedUploads staged = new StagedUploads(config.clock(), 4 * config.maxUploadBytes(),
                publicBase.equals(bound) ? List.of(bound) : List.of(publicBase, bound));
        DocumentOperations documents = new DocumentOperations(docChat, wire,
                new FileFetcher(config.allowedFetchPrefixes(), config.maxUploadBytes(), config.requestTimeout()),
                staged);
        Authenticator authenticator = new Authenticator(docChat.accounts(), localMode,
                new StoredNonces(docChat.accounts(), config.clock(), Authenticator.DATE_WINDOW.multipliedBy(2)),
                config.clock());
        Map<String, List<Route>> routes = routes(chat, documents, new SessionOperations(docChat, wire),
                new FolderOperations(docChat, wire), new RetrievalOperations(docChat, wire));
        ApiHandler handler = new ApiHandler(routes, authenticator, new LocalModeGuard(localMode, port), signedUrls,
                documents, errors, json, timeouts, headerDeadline, config);
        // Body limits are enforced by the handler, per route, before a byte is kept (declared lengths) and as the
        // bytes arrive (chunked), and a refused body is read and dropped up to a bound so that clients that write
        // before they read, as the SDKs do, get the 413; Jetty's SizeLimitHandler would close on them instead.
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            timeouts.close();
            throw new UncheckedIOException(new IOException("cannot start the HTTP server: " + e.getMessage(), e));
        }

        if (localMode) {
            log.warn("*** LOCAL MODE: no access keys or bearer tokens exist, so {} serves WITHOUT AUTHENTICATION; "
                    + "every request acts for the account '{}'. Create an access key to require signatures. ***",
                    baseUri, Account.LOCAL);
        } else {
            log.info("docchat HTTP API on {} (signatures and bearer tokens required)", baseUri);
        }
        if (address.isAnyLocalAddress() && config.publicBaseUrl().isEmpty()) {
            log.warn("listening on all addresses without publicBaseUrl: file and page-image URLs will name {}, "
                    + "which clients cannot reach; set publicBaseUrl", bound);
        }
        if (config.signedUrlSecret().isEmpty()) {
            log.info("signed file URLs use a random key made at start: they stop working when this process ends");
        }
        return new DocChatHttpServer(server, timeouts, chat, handler, config.shutdownGrace(), localMode, baseUri);
    }

    /** Where the server listens, such as {@code http://127.0.0.1:18080}. */
    public URI baseUri() {
        return baseUri;
    }

    /** True when the server runs without authentication (loopback address, no credentials at start). */
    public boolean localMode() {
        return localMode;
    }

    /**
     * Refuses new requests (503), lets requests and answers in progress finish for up to the shutdown grace period,
     * then cancels the answers still running (each is stored {@code INTERRUPTED} with the answer so far), releases the
     * threads. Leaves the {@link DocChat} open for its owner to close. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        handler.startClosing();
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        try {
            while (handler.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (chat.inProgress() > 0) {
                log.info("cancelling {} answers still in progress after the shutdown grace period", chat.inProgress());
                chat.cancelAll();
                long cancelDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (chat.inProgress() > 0 && System.nanoTime() < cancelDeadline) {
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            chat.cancelAll();
        } finally {
            stopQuietly(server);
            timeouts.close();
        }
        log.info("docchat HTTP API on {} stopped", baseUri);
    }

    private static void stopQuietly(Server server) {
        try {
            server.setStopTimeout(0);
            server.stop();
        } catch (Exception e) {
            log.warn("the HTTP server did not stop cleanly: {}", e.toString());
        }
    }

    private static Map<String, List<Route>> routes(ChatOperations chat, DocumentOperations documents,
                                                   SessionOperations sessions, FolderOperations folders,
                                                   RetrievalOperations retrieval) {
        List<Route> all = List.of(
                new Route("POST", "/api/v2/aidoc/document/chat/session/create", "CreateChatSession",
                        Route.BodyKind.JSON, sessions::create),
                new Route("POST", "/api/v2/aidoc/document/chat/session/list", "GetChatSessionList",
                        Route.BodyKind.JSON, sessions::list),
                new Route("POST", "/api/v2/aidoc/document/chat/session/update", "UpdateChatSession",
                        Route.BodyKind.JSON, sessions::rename),
                new Route("POST", "/api/v2/aidoc/document/chat/session/delete", "DeleteChatSession",
                        Route.BodyKind.JSON, sessions::delete),
                new Route("POST", "/api/v2/aidoc/document/chat/folder/list", "GetChatFolderList",
                        Route.BodyKind.JSON, folders::tree),
                new Route("POST", "/api/v2/aidoc/document/chat/list", "GetChatList",
                        Route.BodyKind.JSON, chat::history),
                new Route("POST", "/api/v2/aidoc/document/chat", "Chat", Route.BodyKind.JSON, chat::chat),
                new Route("POST", "/api/v2/aidoc/document/chat/stream", "ChatStream",
                        Route.BodyKind.JSON, chat::chatStream),
                new Route("POST", "/api/v2/aidoc/knowledgebase/retrieve", "Retrieve",
                        Route.BodyKind.JSON, retrieval::retrieve),
                new Route("POST", "/api/v1/aidoc/folder/add", "AddFolder", Route.BodyKind.JSON, folders::add),
                new Route("DELETE", "/api/v1/aidoc/folder/delete", "DeleteFolder",
                        Route.BodyKind.QUERY_ONLY, folders::delete),
                new Route("POST", "/api/v2/aidoc/document/submitDocParsingTask", "SubmitDocParsingTask",
                        Route.BodyKind.UPLOAD, documents::submit),
                new Route("POST", StagedUploads.PATH, "UploadDocument", Route.BodyKind.UPLOAD, documents::stage),
                new Route("POST", "/api/v2/aidoc/document/getDocParsingResult", "GetDocParsingResult",
                        Route.BodyKind.JSON, documents::parsingResult),
                new Route("POST", "/api/v2/aidoc/document/list", "ListDocuments",
                        Route.BodyKind.JSON, documents::list),
                new Route("GET", "/api/v1/aidoc/document/detail", "DetailDocument",
                        Route.BodyKind.QUERY_ONLY, documents::detail),
                new Route("DELETE", "/api/v1/aidoc/document/delete", "DeleteDocument",
                        Route.BodyKind.QUERY_ONLY, documents::delete));
        Map<String, List<Route>> byPath = new LinkedHashMap<>();
        for (Route route : all) {
            byPath.computeIfAbsent(route.path(), path -> new ArrayList<>()).add(route);
        }
        return Map.copyOf(byPath);
    }
}
