package io.docchat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client of the API over real HTTP, signing requests the way the SDKs do (ACS3-HMAC-SHA256 with
 * {@link TestSigner}), or sending a bearer token, or nothing.
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;
    private final TestSigner signer;
    private final String bearerToken;

    private ApiClient(URI base, TestSigner signer, String bearerToken) {
        this.base = base;
        this.signer = signer;
        this.bearerToken = bearerToken;
    }

    static ApiClient signed(URI base, String keyId, String secret) {
        return new ApiClient(base, new TestSigner(keyId, secret), null);
    }

    static ApiClient bearer(URI base, String token) {
        return new ApiClient(base, null, token);
    }

    static ApiClient anonymous(URI base) {
        return new ApiClient(base, null, null);
    }

    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        JsonNode data() {
            if (status != 200) {
                throw new AssertionError("expected 200, got " + status + ": " + body);
            }
            return json().get("data");
        }

        String code() {
            return json().path("Code").asText();
        }
    }

    /** All the knobs of one request, for the auth and bad-input matrices. */
    static final class Call {
        String method = "POST";
        String path;
        Map<String, String> query = new LinkedHashMap<>();
        String action;
        byte[] body = new byte[0];
        byte[] sentBody;
        String contentType;
        Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String nonce = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        Map<String, String> headers = new LinkedHashMap<>();
        boolean chunked;

        Call(String path, String action) {
            this.path = path;
            this.action = action;
        }

        Call json(Object value) {
            try {
                body = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            contentType = "application/json; charset=utf-8";
            return this;
        }
    }

    Response post(String path, String action, Object body) {
        return send(new Call(path, action).json(body));
    }

    Response send(Call call) {
        try {
            HttpResponse<String> response = HTTP.send(request(call), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<InputStream> open(Call call) {
        try {
            return HTTP.send(request(call), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest request(Call call) {
        StringBuilder uri = new StringBuilder(base.toString()).append(call.path);
        if (!call.query.isEmpty()) {
            uri.append('?');
            call.query.forEach((k, v) -> uri.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
            uri.setLength(uri.length() - 1);
        }
        byte[] sent = call.sentBody != null ? call.sentBody : call.body;
        HttpRequest.BodyPublisher publisher = call.chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(sent))
                : HttpRequest.BodyPublishers.ofByteArray(sent);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri.toString())).method(call.method, publisher);
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        if (call.contentType != null) {
            signedHeaders.put("content-type", call.contentType);
        }
        if (call.action != null) {
            signedHeaders.put("x-acs-action", call.action);
            signedHeaders.put("x-acs-version", "2022-09-23");
        }
        signedHeaders.putAll(call.headers);
        if (signer != null) {
            signedHeaders.put("host", base.getAuthority());
            signedHeaders.put("x-acs-date", call.date.toString());
            signedHeaders.put("x-acs-signature-nonce", call.nonce);
            signedHeaders.put("x-acs-content-sha256", TestSigner.sha256Hex(call.body));
            TestSigner.Signed signed = signer.sign(call.method, call.path, call.query, signedHeaders,
                    TestSigner.sha256Hex(call.body));
            builder.header("Authorization", signed.authorization());
        } else if (bearerToken != null) {
            builder.header("x-acs-bearer-token", bearerToken);
        }
        signedHeaders.forEach((name, value) -> {
            if (!name.equals("host")) {
                builder.header(name, value);
            }
        });
        return builder.build();
    }
}
