package io.docchat.http;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A seeded source of malformed HTTP/1.1 requests of the kinds attackers and broken clients send: bad %-escapes, bad
 * or conflicting lengths, bad chunking, {@code *} targets, too many or too long headers, broken request lines and
 * header lines, and valid requests with bytes flipped. The same seed gives the same requests.
 */
final class MalformedRequests {
    private static final String PATH = "/api/v2/aidoc/document/chat/session/list";
    private static final String[] BAD_PATHS = {
        "/api/v2/%zz", "/api/v2/aidoc/%2", "/api/%2e%2e/%2e%2e/etc/passwd", "/api/v2/aidoc%2Fdocument",
        "/api/v2/%00", "/api/%u0041", "/%", "/api/v2/aidoc/document/chat/session/list%", "/../../etc/passwd",
        "/api/v2/aidoc/./../x", "/api/v2/%252e%252e/", "/a\\b"};
    private static final String[] BAD_LENGTHS = {
        "Content-Length: abc\r\n", "Content-Length: -1\r\n", "Content-Length: 1 2\r\n",
        "Content-Length: 2\r\nContent-Length: 3\r\n", "Content-Length: 99999999999999999999999\r\n",
        "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n", "Content-Length: +2\r\n", "Content-Length: 0x10\r\n",
        "Transfer-Encoding: gzip\r\n", "Transfer-Encoding: chunked, identity\r\n"};
    private static final String[] BAD_CHUNKS = {
        "zz\r\n{}\r\n0\r\n\r\n", "-1\r\n{}\r\n0\r\n\r\n", "ffffffffffffffffffff\r\n{}\r\n0\r\n\r\n",
        "2\r\n{}XX0\r\n\r\n", "2;\u0001=x\r\n{}\r\n0\r\n\r\n", "2 2\r\n{}\r\n0\r\n\r\n"};
    private static final String[] BAD_REQUEST_LINES = {
        "GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\nHost: H\r\n\r\n", "GET  / HTTP/1.1\r\nHost: H\r\n\r\n",
        "G(T / HTTP/1.1\r\nHost: H\r\n\r\n", "GET\t/\tHTTP/1.1\r\nHost: H\r\n\r\n", "GET / HTTP/1.1 extra\r\nHost: H\r\n\r\n",
        "GET /\u0001 HTTP/1.1\r\nHost: H\r\n\r\n", "GET http://[::1 HTTP/1.1\r\nHost: H\r\n\r\n",
        "\u00ff\u00fe / HTTP/1.1\r\nHost: H\r\n\r\n", "GET / HTTX/1.1\r\nHost: H\r\n\r\n", " / HTTP/1.1\r\nHost: H\r\n\r\n",
        "GET / HTTP/1.1\nHost: H\n\n\r\n", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"};
    private static final String[] BAD_HEADER_LINES = {
        "NoColon\r\n", " Folded: x\r\n", "Bad Name: x\r\n", "X-Ctl: a\u0001b\r\n", ": empty\r\n",
        "Host: second\r\n", "X-Acs-Action\u0000: x\r\n", "X-Long: " + "v".repeat(5000) + "\r\n",
        "Content-Type: application/json\r\n\tcontinued\r\n"};

    private final Random random;
    private final String authority;

    MalformedRequests(Random random, String authority) {
        this.random = random;
        this.authority = authority;
    }

    /**
     * One malformed request.
     *
     * @param mayCloseSilently true when HTTP offers no way to answer it, so that closing the connection is correct
     */
    record Sample(String kind, byte[] bytes, boolean mayCloseSilently) {}

    Sample next() {
        return switch (random.nextInt(9)) {
            case 0 -> sample("bad-escape", "GET " + pick(BAD_PATHS) + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
            case 1 -> sample("bad-length", "POST " + PATH + " HTTP/1.1\r\nHost: " + authority + "\r\n"
                    + "Content-Type: application/json\r\n" + pick(BAD_LENGTHS) + "\r\n{}");
            case 2 -> sample("bad-chunk", "POST " + PATH + " HTTP/1.1\r\nHost: " + authority + "\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + pick(BAD_CHUNKS));
            case 3 -> sample("star-target", pick(new String[] {"OPTIONS", "GET", "POST", "DELETE"})
                    + " * HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
            case 4 -> sample("many-headers", "GET /health HTTP/1.1\r\nHost: " + authority + "\r\n"
                    + "X-Many: 0123456789abcdef\r\n".repeat(200 + random.nextInt(400)) + "\r\n");
            case 5 -> sample("long-uri", "GET /" + "a".repeat(4000 + random.nextInt(8000)) + " HTTP/1.1\r\nHost: "
                    + authority + "\r\n\r\n");
            case 6 -> sample("bad-request-line", pick(BAD_REQUEST_LINES).replace("Host: H", "Host: " + authority));
            case 7 -> sample("bad-header", "POST " + PATH + " HTTP/1.1\r\nHost: " + authority + "\r\n"
                    + pick(BAD_HEADER_LINES) + "Content-Length: 2\r\n\r\n{}");
            default -> flipped();
        };
    }

    /** A valid request with a few bytes of its head replaced by random ones; its terminating blank line kept. */
    private Sample flipped() {
        byte[] bytes = ("POST " + PATH + " HTTP/1.1\r\nHost: " + authority + "\r\nContent-Type: application/json\r\n"
                + "x-acs-action: GetChatSessionList\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1);
        int head = bytes.length - 6;
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(head);
            byte value = (byte) random.nextInt(256);
            // A flip that ends the head early would leave a second request in the bytes; keep one request.
            bytes[at] = value == '\n' ? (byte) '?' : value;
        }
        return new Sample("flipped", bytes, false);
    }

    private Sample sample(String kind, String request) {
        return new Sample(kind, request.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
