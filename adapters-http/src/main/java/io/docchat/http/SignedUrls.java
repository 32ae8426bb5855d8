package io.docchat.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * URLs for a document's file and its page images that a browser can load without headers: the path names the account
 * and the document, and the query carries an expiry and an HMAC of method, path, expiry and account under the
 * server's own key. Changing any part, or waiting past the expiry, makes the URL answer 403.
 *
 * <p>Paths: {@code /files/<account>/<documentId>/<fileName>} and {@code /pages/<account>/<documentId>/<page>.png}.
 */
final class SignedUrls {
    static final String FILES_PREFIX = "/files/";
    static final String PAGES_PREFIX = "/pages/";

    private final byte[] key;
    private final Duration ttl;
    private final Clock clock;
    private final String baseUrl;

    SignedUrls(byte[] key, Duration ttl, Clock clock, String baseUrl) {
        this.key = key.clone();
        this.ttl = ttl;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** What a verified signed path points at. */
    sealed interface Target {
        String accountId();

        long documentId();

        record File(String accountId, long documentId) implements Target {}

        record PageImage(String accountId, long documentId, int pageNumber) implements Target {}
    }

    String documentFile(String accountId, long documentId, String fileName) {
        return sign(FILES_PREFIX + segment(accountId) + "/" + documentId + "/" + segment(fileName), accountId);
    }

    String pageImage(String accountId, long documentId, int pageNumber) {
        return sign(PAGES_PREFIX + segment(accountId) + "/" + documentId + "/" + pageNumber + ".png", accountId);
    }

    /**
     * Checks a GET on a signed path.
     *
     * @throws ApiException 403 when the signature is missing, altered or expired; 404 for a malformed path
     */
    Target verify(String rawPath, String rawQuery) {
        String expires = null;
        String signature = null;
        if (rawQuery != null) {
            for (String part : rawQuery.split("&")) {
                if (part.startsWith("expires=")) {
                    expires = part.substring(8);
                } else if (part.startsWith("signature=")) {
                    signature = part.substring(10);
                }
            }
        }
        boolean files = rawPath.startsWith(FILES_PREFIX);
        String[] segments = rawPath.substring((files ? FILES_PREFIX : PAGES_PREFIX).length()).split("/", -1);
        if (segments.length != 3 || segments[0].isEmpty()) {
            throw new ApiException(404, "NotFound", "no such file");
        }
        String accountId = URLDecoder.decode(segments[0], StandardCharsets.UTF_8);
        if (expires == null || signature == null) {
            throw new ApiException(403, "SignatureDoesNotMatch", "the URL must carry expires and signature");
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw new ApiException(403, "SignatureDoesNotMatch", "the URL's expires is not a number");
        }
        if (!Acs3Signature.hexEquals(mac(rawPath, expiresAt, accountId), signature)) {
            throw new ApiException(403, "SignatureDoesNotMatch", "the URL's signature does not match");
        }
        if (clock.millis() / 1000 > expiresAt) {
            throw new ApiException(403, "UrlExpired", "the URL has expired; ask for the item again to get a fresh one");
        }
        long documentId = parseId(segments[1]);
        if (files) {
            return new Target.File(accountId, documentId);
        }
        String page = segments[2];
        if (!page.endsWith(".png")) {
            throw new ApiException(404, "NotFound", "no such page image");
        }
        try {
            return new Target.PageImage(accountId, documentId, Integer.parseInt(page.substring(0, page.length() - 4)));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "NotFound", "no such page image");
        }
    }

    private String sign(String path, String accountId) {
        // Expiries are rounded up to the minute so that repeated listings give identical, cacheable URLs.
        long expiresAt = ((clock.millis() + ttl.toMillis()) / 60_000 + 1) * 60;
        return baseUrl + path + "?expires=" + expiresAt + "&signature=" + mac(path, expiresAt, accountId);
    }

    private String mac(String path, long expiresAt, String accountId) {
        String toSign = "GET\n" + path + "\n" + expiresAt + "\n" + accountId;
        return HexFormat.of().formatHex(Acs3Signature.hmacSha256(key, toSign.getBytes(StandardCharsets.UTF_8)));
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ApiException(404, "NotFound", "no such file");
        }
    }

    private static String segment(String value) {
        return Acs3Signature.percentEncode(value);
    }
}
