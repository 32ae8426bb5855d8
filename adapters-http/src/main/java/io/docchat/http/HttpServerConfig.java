package io.docchat.http;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link DocChatHttpServer} listens and what it allows. Start from {@link #defaults()} and change fields with the
 * {@code with...} methods; every instance is immutable. The README's "HTTP server" section explains each limit.
 *
 * @param host                     the address to bind; a non-loopback address requires access keys or bearer tokens
 * @param port                     the port to bind; 0 picks a free one
 * @param maxBodyBytes             the largest JSON request body accepted (413 beyond)
 * @param maxUploadBytes           the largest document accepted in a request body or from a fileUrl (413 beyond)
 * @param maxHeaderBytes           the largest request line plus headers accepted (431 beyond)
 * @param workerThreads            threads for ordinary requests; chat answers get {@code maxConcurrentStreams} more
 * @param maxConcurrentStreams     chat answers (Chat and ChatStream) in progress at once; more are refused with 429
 * @param maxAnswersPerAccount     chat answers one account may have in progress at once, so that one account cannot
 *                                 take every answer slot; more are refused with 429 {@code Throttling}
 * @param maxConnections           open connections at most; beyond it the server stops accepting until one closes
 * @param maxConnectionsPerAddress open connections at most from one remote address; a further one is answered 429 and
 *                                 closed
 * @param headerTimeout            how long a client may take to send a request line and headers, counted from the
 *                                 moment the connection opens or the previous response ends; after it the server
 *                                 answers 408 and closes
 * @param requestTimeout           how long a client may take to send its whole request body; the connection is closed
 *                                 after
 * @param idleTimeout              how long a connection may stay silent in both directions; a request body that stops
 *                                 arriving for this long is answered 408, an idle connection is closed
 * @param writeTimeout             how long one write of a streamed answer may wait for a client that does not read;
 *                                 after it the connection is closed, the answer cancelled and stored interrupted, and
 *                                 its slot freed
 * @param shutdownGrace            how long {@link DocChatHttpServer#close()} lets requests and answers in progress
 *                                 finish
 * @param signedUrlSecret          the key that signs file and page-image URLs; when empty, a random key is made at
 *                                 start, so signed URLs stop working when the process ends
 * @param signedUrlTtl             how long a signed URL stays valid
 * @param streamFormatJson         when true, ChatStream answers with one JSON document like Chat, for every client
 * @param allowedFetchPrefixes     URLs a fileUrl may start with (scheme, host and port exact; the path on segment
 *                                 boundaries); empty turns fileUrl downloads off
 * @param publicBaseUrl            the base (scheme, host, port) of the URLs given out; empty = the bound address
 * @param clock                    the time used for signatures, signed URLs and the zone of ISO times
 */
public record HttpServerConfig(
        String host,
        int port,
        long maxBodyBytes,
        long maxUploadBytes,
        int maxHeaderBytes,
        int workerThreads,
        int maxConcurrentStreams,
        int maxAnswersPerAccount,
        int maxConnections,
        int maxConnectionsPerAddress,
        Duration headerTimeout,
        Duration requestTimeout,
        Duration idleTimeout,
        Duration writeTimeout,
        Duration shutdownGrace,
        Optional<byte[]> signedUrlSecret,
        Duration signedUrlTtl,
        boolean streamFormatJson,
        List<String> allowedFetchPrefixes,
        Optional<String> publicBaseUrl,
        Clock clock) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 18080;

    public HttpServerConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        positive("maxBodyBytes", maxBodyBytes);
        positive("maxUploadBytes", maxUploadBytes);
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 1024");
        }
        positive("workerThreads", workerThreads);
        positive("maxConcurrentStreams", maxConcurrentStreams);
        positive("maxAnswersPerAccount", maxAnswersPerAccount);
        positive("maxConnections", maxConnections);
        positive("maxConnectionsPerAddress", maxConnectionsPerAddress);
        positive("headerTimeout", headerTimeout);
        positive("requestTimeout", requestTimeout);
        positive("idleTimeout", idleTimeout);
        positive("writeTimeout", writeTimeout);
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative");
        }
        signedUrlSecret = Objects.requireNonNull(signedUrlSecret, "signedUrlSecret").map(byte[]::clone);
        signedUrlSecret.ifPresent(secret -> {
            if (secret.length < 16) {
                throw new IllegalArgumentException("signedUrlSecret must have at least 16 bytes");
            }
        });
        positive("signedUrlTtl", signedUrlTtl);
        allowedFetchPrefixes = List.copyOf(allowedFetchPrefixes);
        publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl")
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Loopback on port 18080, 1 MiB JSON bodies, 100 MiB uploads, 16 KiB of headers, 10 s to send headers, 60 s to
     * send a body, 30 s for a stalled stream write, 256 answers (64 per account), 4,096 connections (256 per
     * address), 24-hour signed URLs, fileUrl downloads off.
     */
    public static HttpServerConfig defaults() {
        return new HttpServerConfig(
                DEFAULT_HOST,
                DEFAULT_PORT,
                1024L * 1024,
                100L * 1024 * 1024,
                16 * 1024,
                Math.max(8, 2 * Runtime.getRuntime().availableProcessors()),
                256,
                64,
                4096,
                256,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Optional.empty(),
                Duration.ofHours(24),
                false,
                List.of(),
                Optional.empty(),
                Clock.systemDefaultZone());
    }

    /** The signing key of URLs (a copy). */
    @Override
    public Optional<byte[]> signedUrlSecret() {
        return signedUrlSecret.map(byte[]::clone);
    }

    /** A copy with {@code host} changed. */
    public HttpServerConfig withHost(String value) {
        return new HttpServerConfig(
                value, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    /** A copy with {@code port} changed. */
    public HttpServerConfig withPort(int value) {
        return new HttpServerConfig(
                host, value, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    /** A copy with {@code maxBodyBytes} changed. */
    public HttpServerConfig withMaxBodyBytes(long value) {
        return new HttpServerConfig(
                host, port, value, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    /** A copy with {@code maxUploadBytes} changed. */
    public HttpServerConfig withMaxUploadBytes(long value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, value, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    /** A copy with {@code maxHeaderBytes} changed. */
    public HttpServerConfig withMaxHeaderBytes(int value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, value, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    /** A copy with {@code workerThreads} changed. */
    public HttpServerConfig withWorkerThreads(int value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, value, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    /** A copy with {@code maxConcurrentStreams} changed. */
    public HttpServerConfig withMaxConcurrentStreams(int value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, value, maxAnswersPerAccount,
                maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout, idleTimeout, writeTimeout,
                shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson, allowedFetchPrefixes, publicBaseUrl,
                clock);
    }

    /** A copy with {@code maxAnswersPerAccount} changed. */
    public HttpServerConfig withMaxAnswersPerAccount(int value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams, value,
                maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout, idleTimeout, writeTimeout,
                shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson, allowedFetchPrefixes, publicBaseUrl,
                clock);
    }

    /** A copy with {@code maxConnections} changed. */
    public HttpServerConfig withMaxConnections(int value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, value, maxConnectionsPerAddress, headerTimeout, requestTimeout, idleTimeout,
                writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson, allowedFetchPrefixes,
                publicBaseUrl, clock);
    }

    /** A copy with {@code maxConnectionsPerAddress} changed. */
    public HttpServerConfig withMaxConnectionsPerAddress(int value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, value, headerTimeout, requestTimeout, idleTimeout, writeTimeout,
                shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson, allowedFetchPrefixes, publicBaseUrl,
                clock);
    }

    /** A copy with {@code headerTimeout} changed. */
    public HttpServerConfig withHeaderTimeout(Duration value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, value, requestTimeout, idleTimeout,
                writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson, allowedFetchPrefixes,
                publicBaseUrl, clock);
    }

    /** A copy with {@code requestTimeout} changed. */
    public HttpServerConfig withRequestTimeout(Duration value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, value, idleTimeout,
                writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson, allowedFetchPrefixes,
                publicBaseUrl, clock);
    }

    /** A copy with {@code idleTimeout} changed. */
    public HttpServerConfig withIdleTimeout(Duration value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout, value,
                writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson, allowedFetchPrefixes,
                publicBaseUrl, clock);
    }

    /** A copy with {@code writeTimeout} changed. */
    public HttpServerConfig withWriteTimeout(Duration value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, value, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    /** A copy with {@code shutdownGrace} changed. */
    public HttpServerConfig withShutdownGrace(Duration value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, value, signedUrlSecret, signedUrlTtl, streamFormatJson, allowedFetchPrefixes,
                publicBaseUrl, clock);
    }

    /** A copy with {@code signedUrlSecret} changed. */
    public HttpServerConfig withSignedUrlSecret(byte[] value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, Optional.of(value), signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    /** A copy with {@code signedUrlTtl} changed. */
    public HttpServerConfig withSignedUrlTtl(Duration value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, signedUrlSecret, value, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    /** A copy with {@code streamFormatJson} changed. */
    public HttpServerConfig withStreamFormatJson(boolean value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, value, allowedFetchPrefixes,
                publicBaseUrl, clock);
    }

    /** A copy with {@code allowedFetchPrefixes} changed. */
    public HttpServerConfig withAllowedFetchPrefixes(List<String> value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson, value,
                publicBaseUrl, clock);
    }

    /** A copy with {@code publicBaseUrl} changed. */
    public HttpServerConfig withPublicBaseUrl(String value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, Optional.of(value), clock);
    }

    /** A copy with {@code clock} changed. */
    public HttpServerConfig withClock(Clock value) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxUploadBytes, maxHeaderBytes, workerThreads, maxConcurrentStreams,
                maxAnswersPerAccount, maxConnections, maxConnectionsPerAddress, headerTimeout, requestTimeout,
                idleTimeout, writeTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, value);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
