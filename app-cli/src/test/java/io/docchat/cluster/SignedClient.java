package io.docchat.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HTTP client that signs requests with ACS3-HMAC-SHA256 as the official SDKs do, written from the protocol's
 * description, and can send the very same signed request to another server: a replay.
 */
final class SignedClient {
    private static final HexFormat HEX = HexFormat.of();

    /** A signed request, ready to send to any node: its path, headers and body are fixed. */
    record Signed(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String accessKeyId;
    private final String secret;

    SignedClient(String accessKeyId, String secret) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
    }

    /**
     * Signs a request for {@code hostPort} (the {@code host} header, which both loopback nodes are reached by
     * different ports of; a replay keeps the original one, as a captured request would).
     */
    Signed sign(String method, String path, Map<String, String> query, String action, String contentType, byte[] body,
            String hostPort) {
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", hostPort);
        headers.put("x-acs-action", action);
        headers.put("x-acs-version", "2022-09-23");
        headers.put("x-acs-date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        headers.put("x-acs-signature-nonce", UUID.randomUUID().toString());
        headers.put("x-acs-content-sha256", HEX.formatHex(sha256(body)));
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(query).forEach((k, v) -> pairs.add(rfc3986(k) + "=" + rfc3986(v)));
        String canonicalQuery = String.join("&", pairs);
        StringBuilder canonical = new StringBuilder(method).append('\n').append(path).append('\n')
                .append(canonicalQuery).append('\n');
        headers.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        String signedHeaders = String.join(";", headers.keySet());
        canonical.append('\n').append(signedHeaders).append('\n').append(headers.get("x-acs-content-sha256"));
        String stringToSign = "ACS3-HMAC-SHA256\n"
                + HEX.formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        headers.put("Authorization", "ACS3-HMAC-SHA256 Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders
                + ",Signature=" + HEX.formatHex(hmac(stringToSign)));
        return new Signed(method, canonicalQuery.isEmpty() ? path : path + "?" + canonicalQuery, Map.copyOf(headers),
                body.clone());
    }

    /** Sends the signed request to the node it was signed for. */
    HttpResponse<String> send(URI base, Signed request) throws IOException, InterruptedException {
        if (!request.headers().get("host").equals(base.getAuthority())) {
            throw new IllegalArgumentException("signed for " + request.headers().get("host") + ", sent to " + base);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.pathAndQuery()))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!name.equals("host")) {
                builder.header(name, value);
            }
        });
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends the signed request, byte for byte as captured (its signed {@code host} header included), to another node,
     * over a plain socket as an attacker would; returns the HTTP status code of the answer.
     */
    static int replay(URI base, Signed request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.pathAndQuery())
                    .append(" HTTP/1.1\r\n");
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("content-length: ").append(request.body().length).append("\r\n");
            head.append("connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(request.body());
            out.flush();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            if (statusLine == null) {
                throw new IOException("the server closed the connection without an answer");
            }
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static String rfc3986(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
