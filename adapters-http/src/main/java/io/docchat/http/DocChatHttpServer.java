package io.docchat.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.port.AccountStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aidoc HTTP API over a {@link DocChat}, wire-compatible with the official Alibaba Cloud SDKs, on the JDK's
 * built-in HTTP server.
 *
 * <pre>{@code
 * try (DocChatHttpServer server = DocChatHttpServer.start(docChat, accounts, HttpServerConfig.defaults())) {
 *     URI api = server.baseUri();   // e.g. http://127.0.0.1:18080
 *     awaitShutdownSignal();
 * }
 * }</pre>
 *
 * <p>Requests are authenticated with ACS3-HMAC-SHA256 signatures or bearer tokens from the {@link AccountStore}.
 * A server bound to a loopback address whose store holds neither access keys nor bearer tokens runs in local mode:
 * no authentication, every request acts for {@link Account#LOCAL}. A server bound to any other address refuses to
 * start without credentials. The mode is decided at start.
 *
 * <p>File and page-image URLs are signed with {@link HttpServerConfig#signedUrlSecret()}; without one, a random key is
 * made at start and the URLs stop working when the process ends.
 */
public final class DocChatHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DocChatHttpServer.class);
    private static final int NONCE_CAPACITY = 1_000_000;

    private final HttpServer server;
    private final ExecutorService workers;
    private final Timeouts timeouts;
    private final ChatOperations chat;
    private final ApiHandler handler;
    private final Duration shutdownGrace;
    private final boolean localMode;
    private final URI baseUri;
    private boolean closed;

    private DocChatHttpServer(HttpServer server, ExecutorService workers, Timeouts timeouts, ChatOperations chat,
                              ApiHandler handler, Duration shutdownGrace, boolean localMode, URI baseUri) {
        this.server = server;
        this.workers = workers;
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
    public static DocChatHttpServer start(DocChat docChat, AccountStore accounts, HttpServerConfig config) {
        InetAddress address;
        try {
            address = InetAddress.getByName(config.host());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve host " + config.host(), e);
        }
        boolean hasCredentials = hasCredentials(accounts);
        boolean loopback = address.isLoopbackAddress();
        if (!loopback && !hasCredentials) {
            throw new IllegalStateException("refusing to listen on " + config.host()
                    + " without access keys or bearer tokens: create an access key, or bind to 127.0.0.1");
        }
        boolean localMode = loopback && !hasCredentials;

        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, config.port()), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
        int port = server.getAddress().getPort();
        String bound = "http://" + (address.getHostAddress().contains(":")
                ? "[" + address.getHostAddress() + "]" : address.getHostAddress()) + ":" + port;
        URI baseUri = URI.create(bound);
        String publicBase = config.publicBaseUrl().orElse(bound);

        ObjectMapper json = new ObjectMapper();
        json.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        byte[] urlKey = config.signedUrlSecret().orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        SignedUrls signedUrls = new SignedUrls(urlKey, config.signedUrlTtl(), config.clock(), publicBase);
        WireMapper wire = new WireMapper(json, signedUrls, docChat.documents().imageScale(), config.clock().getZone());
        Timeouts timeouts = new Timeouts("docchat-http-timeouts");
        ChatOperations chat = new ChatOperations(docChat, wire, json, timeouts, config.idleTimeout(),
                config.streamFormatJson(), config.maxConcurrentStreams());
        DocumentOperations documents = new DocumentOperations(docChat, wire,
                new FileFetcher(config.allowedFetchPrefixes(), config.maxUploadBytes(), config.requestTimeout()));
        Authenticator authenticator = new Authenticator(accounts, localMode,
                new NonceCache(config.clock(), Authenticator.DATE_WINDOW.multipliedBy(2), NONCE_CAPACITY),
                config.clock());
        Map<String, List<Route>> routes = routes(chat, documents, new SessionOperations(docChat, wire),
                new FolderOperations(docChat, wire), new RetrievalOperations(docChat, wire));

        // An answer in progress holds its thread, so answers get their own share on top of the ordinary workers.
        int threads = config.workerThreads() + config.maxConcurrentStreams();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "docchat-http-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        workers.allowCoreThreadTimeOut(true);
        server.setExecutor(workers);
        ApiHandler handler = new ApiHandler(routes, authenticator, signedUrls, documents, json, timeouts, config);
        server.createContext("/", handler);
        server.start();

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
        return new DocChatHttpServer(server, workers, timeouts, chat, handler, config.shutdownGrace(), localMode,
                baseUri);
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
     * then cancels the answers still running (each is stored {@code INTERRUPTED} with the answer so far) and releases the threads. Does not close
     * the {@link DocChat}. Idempotent.
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
            // The JDK server's own stop(delay) waits out the whole delay even when nothing is running, so the
            // draining is done here and the server is stopped without delay afterwards.
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
            server.stop(0);
            workers.shutdown();
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("some requests were still running when the server stopped waiting for them");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            chat.cancelAll();
            server.stop(0);
            workers.shutdownNow();
        } finally {
            timeouts.close();
        }
        log.info("docchat HTTP API on {} stopped", baseUri);
    }

    private static boolean hasCredentials(AccountStore accounts) {
        List<String> ids = new ArrayList<>();
        accounts.listAccounts().forEach(account -> ids.add(account.id()));
        if (!ids.contains(Account.LOCAL)) {
            ids.add(Account.LOCAL);
        }
        for (String id : ids) {
            if (!accounts.listAccessKeys(id).isEmpty() || !accounts.listBearerTokens(id).isEmpty()) {
                return true;
            }
        }
        return false;
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
