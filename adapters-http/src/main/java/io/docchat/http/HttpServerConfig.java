package io.docchat.http;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link DocChatHttpServer} listens and what it allows. Start from {@link #defaults()} and change fields with the
 * {@code with...} methods; every instance is immutable.
 *
 * @param host                 the address to bind; a non-loopback address requires access keys or bearer tokens
 * @param port                 the port to bind; 0 picks a free one
 * @param maxBodyBytes         the largest JSON request body accepted (413 beyond)
 * @param maxUploadBytes       the largest document accepted in the body of SubmitDocParsingTask or from a fileUrl
 * @param workerThreads        threads for ordinary requests; chat answers get {@code maxConcurrentStreams} more
 * @param maxConcurrentStreams chat answers (Chat and ChatStream) in progress at once; more are refused with 429
 * @param requestTimeout       how long a client may take to send its request body; the connection is closed after
 *                             (request headers are read by the JDK server itself, which sets no such limit)
 * @param idleTimeout          how long one write of a streamed answer may block on a client that does not read;
 *                             after it the answer is cancelled and stored interrupted (the blocked connection is
 *                             released when the operating system gives up on it, or when the server closes)
 * @param shutdownGrace        how long {@link DocChatHttpServer#close()} lets answers in progress finish
 * @param signedUrlSecret      the key that signs file and page-image URLs; when empty, a random key is made at
 *                             start, so signed URLs stop working when the process ends
 * @param signedUrlTtl         how long a signed URL stays valid
 * @param streamFormatJson     when true, ChatStream answers with one JSON document like Chat, for every client
 * @param allowedFetchPrefixes URL prefixes a fileUrl may start with; empty turns fileUrl downloads off
 * @param publicBaseUrl        the base (scheme, host, port) of the URLs given out; empty = the bound address
 * @param clock                the time used for signatures, signed URLs and the zone of ISO times
 */
public record HttpServerConfig(
        String host,
        int port,
        long maxBodyBytes,
        long maxUploadBytes,
        int workerThreads,
        int maxConcurrentStreams,
        Duration requestTimeout,
        Duration idleTimeout,
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
        positive("workerThreads", workerThreads);
        positive("maxConcurrentStreams", maxConcurrentStreams);
        positive("requestTimeout", requestTimeout);
        positive("idleTimeout", idleTimeout);
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

    /** Loopback on port 18080, 1 MiB bodies, 100 MiB uploads, 24-hour signed URLs, fileUrl downloads off. */
    public static HttpServerConfig defaults() {
        return new HttpServerConfig(
                DEFAULT_HOST,
                DEFAULT_PORT,
                1024L * 1024,
                100L * 1024 * 1024,
                Math.max(8, 2 * Runtime.getRuntime().availableProcessors()),
                256,
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
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

    public HttpServerConfig withHost(String value) {
        return new HttpServerConfig(value, port, maxBodyBytes, maxUploadBytes, workerThreads, maxConcurrentStreams,
                requestTimeout, idleTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withPort(int value) {
        return new HttpServerConfig(host, value, maxBodyBytes, maxUploadBytes, workerThreads, maxConcurrentStreams,
                requestTimeout, idleTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withMaxBodyBytes(long value) {
        return new HttpServerConfig(host, port, value, maxUploadBytes, workerThreads, maxConcurrentStreams,
                requestTimeout, idleTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withMaxUploadBytes(long value) {
        return new HttpServerConfig(host, port, maxBodyBytes, value, workerThreads, maxConcurrentStreams,
                requestTimeout, idleTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withWorkerThreads(int value) {
        return new HttpServerConfig(host, port, maxBodyBytes, maxUploadBytes, value, maxConcurrentStreams,
                requestTimeout, idleTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withMaxConcurrentStreams(int value) {
        return new HttpServerConfig(host, port, maxBodyBytes, maxUploadBytes, workerThreads, value,
                requestTimeout, idleTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withRequestTimeout(Duration value) {
        return new HttpServerConfig(host, port, maxBodyBytes, maxUploadBytes, workerThreads, maxConcurrentStreams,
                value, idleTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withIdleTimeout(Duration value) {
        return new HttpServerConfig(host, port, maxBodyBytes, maxUploadBytes, workerThreads, maxConcurrentStreams,
                requestTimeout, value, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withShutdownGrace(Duration value) {
        return new HttpServerConfig(host, port, maxBodyBytes, maxUploadBytes, workerThreads, maxConcurrentStreams,
                requestTimeout, idleTimeout, value, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withSignedUrlSecret(byte[] value) {
        return new HttpServerConfig(host, port, maxBodyBytes, maxUploadBytes, workerThreads, maxConcurrentStreams,
                requestTimeout, idleTimeout, shutdownGrace, Optional.of(value), signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withSignedUrlTtl(Duration value) {
        return new HttpServerConfig(host, port, maxBodyBytes, maxUploadBytes, workerThreads, maxConcurrentStreams,
                requestTimeout, idleTimeout, shutdownGrace, signedUrlSecret, value, streamFormatJson,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withStreamFormatJson(boolean value) {
        return new HttpServerConfig(host, port, maxBodyBytes, maxUploadBytes, workerThreads, maxConcurrentStreams,
                requestTimeout, idleTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, value,
                allowedFetchPrefixes, publicBaseUrl, clock);
    }

    public HttpServerConfig withAllowedFetchPrefixes(List<String> value) {
        return new HttpServerConfig(host, port, maxBodyBytes, maxUploadBytes, workerThreads, maxConcurrentStreams,
                requestTimeout, idleTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                value, publicBaseUrl, clock);
    }

    public HttpServerConfig withPublicBaseUrl(String value) {
        return new HttpServerConfig(host, port, maxBodyBytes, maxUploadBytes, workerThreads, maxConcurrentStreams,
                requestTimeout, idleTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
                allowedFetchPrefixes, Optional.of(value), clock);
    }

    public HttpServerConfig withClock(Clock value) {
        return new HttpServerConfig(host, port, maxBodyBytes, maxUploadBytes, workerThreads, maxConcurrentStreams,
                requestTimeout, idleTimeout, shutdownGrace, signedUrlSecret, signedUrlTtl, streamFormatJson,
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
