package io.docchat.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client-side ACS3-HMAC-SHA256 signer written from the API description alone, independently of the server's code,
 * so that the tests check the server against the contract rather than against itself.
 */
final class TestSigner {
    private final String accessKeyId;
    private final String secret;

    TestSigner(String accessKeyId, String secret) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
    }

    /** What a signing client computes for one request. */
    record Signed(String canonicalRequest, String canonicalHash, String signature, String authorization) {}

    /**
     * @param headers every header to sign, by any-case name (host included)
     * @param query   decoded query parameters, in any order
     */
    Signed sign(String method, String path, Map<String, String> query, Map<String, String> headers, String bodySha256) {
        TreeMap<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(), value.trim()));
        StringBuilder canonical = new StringBuilder();
        canonical.append(method).append('\n').append(path).append('\n');
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(query).forEach((k, v) -> pairs.add(rfc3986(k) + "=" + rfc3986(v)));
        canonical.append(String.join("&", pairs)).append('\n');
        lower.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        String signedHeaders = String.join(";", lower.keySet());
        canonical.append('\n').append(signedHeaders).append('\n').append(bodySha256);
        String canonicalHash = hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        String stringToSign = "ACS3-HMAC-SHA256\n" + canonicalHash;
        String signature = hex(hmac(secret, stringToSign));
        String authorization = "ACS3-HMAC-SHA256 Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders
                + ",Signature=" + signature;
        return new Signed(canonical.toString(), canonicalHash, signature, authorization);
    }

    static String sha256Hex(byte[] bytes) {
        return hex(sha256(bytes));
    }

    /** Unreserved characters stay, everything else is %XX of its UTF-8 bytes. */
    static String rfc3986(String value) {
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
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
