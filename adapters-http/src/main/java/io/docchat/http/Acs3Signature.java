package io.docchat.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ACS3-HMAC-SHA256 request signature of Alibaba Cloud's SDKs: canonical request, string to sign and signature,
 * exactly as the SDKs compute them, so that the server can recompute what a client signed.
 */
final class Acs3Signature {
    static final String ALGORITHM = "ACS3-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();

    private Acs3Signature() {}

    /**
     * @param headers       the value of each signed header, by lowercase name
     * @param signedHeaders lowercase names, sorted, as they appear in SignedHeaders
     */
    static String canonicalRequest(String method, String rawPath, String rawQuery, Map<String, String> headers,
                                   List<String> signedHeaders, String contentSha256) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(method).append('\n')
                .append(rawPath == null || rawPath.isEmpty() ? "/" : rawPath).append('\n')
                .append(canonicalQueryString(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            String value = headers.get(name);
            sb.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        sb.append('\n').append(String.join(";", signedHeaders)).append('\n').append(contentSha256);
        return sb.toString();
    }

    /** Query parameters decoded, re-encoded per RFC 3986, sorted by key (then value), joined with {@code &}. */
    static String canonicalQueryString(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {percentEncode(decode(key)), percentEncode(decode(value))});
        }
        pairs.sort((a, b) -> {
            int byKey = a[0].compareTo(b[0]);
            return byKey != 0 ? byKey : a[1].compareTo(b[1]);
        });
        StringBuilder sb = new StringBuilder(rawQuery.length() + 16);
        for (String[] pair : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(pair[0]).append('=').append(pair[1]);
        }
        return sb.toString();
    }

    static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    static String signature(String secret, String stringToSign) {
        return HEX.formatHex(hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /** Compares two hex strings in time independent of where they differ. */
    static boolean hexEquals(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A malformed escape cannot have been produced by a signing client; keep it as sent so the signature fails.
            return value;
        }
    }
}
