package io.docchat.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The older ROA signature that the Alibaba Cloud SDKs send for ROA operations by default:
 * {@code Authorization: acs <AccessKeyId>:<base64 HMAC-SHA1(secret, StringToSign)>}, where StringToSign is
 * {@code METHOD\nAccept\nContent-MD5\nContent-Type\nDate\n}, then each {@code x-acs-*} header lowercased and sorted as
 * {@code name:value\n}, then the path with its decoded query parameters sorted by name ({@code ?a=1&b}: a parameter
 * without a value is its name alone).
 *
 * <p>The scheme does not sign the body; a {@code Content-MD5} header, when sent, is signed and checked against it.
 */
final class RoaSignature {
    static final String SCHEME = "acs";

    private RoaSignature() {}

    static String stringToSign(String method, String rawPath, String rawQuery, RequestHeaders headers) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append('\n')
                .append(orEmpty(headers.first("accept"))).append('\n')
                .append(orEmpty(headers.first("content-md5"))).append('\n')
                .append(orEmpty(headers.first("content-type"))).append('\n')
                .append(orEmpty(headers.first("date"))).append('\n');
        List<String> names = new ArrayList<>();
        for (String name : headers.names()) {
            if (name.startsWith("x-acs-")) {
                names.add(name);
            }
        }
        names.sort(null);
        for (String name : names) {
            sb.append(name).append(':').append(String.join(",", headers.all(name)).trim()).append('\n');
        }
        sb.append(rawPath);
        Map<String, String> query = decodedQuery(rawQuery);
        if (!query.isEmpty()) {
            sb.append('?');
            boolean first = true;
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                if (!first) {
                    sb.append('&');
                }
                first = false;
                sb.append(parameter.getKey());
                if (!parameter.getValue().isEmpty()) {
                    sb.append('=').append(parameter.getValue());
                }
            }
        }
        return sb.toString();
    }

    /** Base64 of HMAC-SHA1 over the string to sign, keyed with the secret. */
    static String signature(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA1", e);
        }
    }

    /** Base64 of the MD5 of the body, as {@code Content-MD5} carries it. */
    static String contentMd5(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }

    /** Compares in time independent of where the strings differ. */
    static boolean constantTimeEquals(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, String> decodedQuery(String rawQuery) {
        Map<String, String> sorted = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return sorted;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            sorted.putIfAbsent(decode(eq < 0 ? part : part.substring(0, eq)),
                    eq < 0 ? "" : decode(part.substring(eq + 1)));
        }
        return sorted;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
