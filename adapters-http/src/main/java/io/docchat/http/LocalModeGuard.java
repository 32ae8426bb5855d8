package io.docchat.http;

import java.util.Locale;
import java.util.Set;

/**
 * What keeps a server without authentication (local mode) from being driven by web pages the user visits.
 *
 * <ul>
 *   <li>{@code Host} must name a loopback address with the server's port ({@code 127.0.0.1:18080},
 *       {@code localhost:18080}, {@code [::1]:18080}): a DNS-rebinding page reaches the server under its own host
 *       name, and is refused.</li>
 *   <li>An {@code Origin} header, when sent, must be a loopback origin: a page from anywhere else is refused, even
 *       for requests a browser sends without asking first.</li>
 *   <li>JSON operations require {@code application/json} and uploads a type a form cannot send: a browser must then
 *       ask first (a CORS preflight), and the server never grants it.</li>
 * </ul>
 *
 * <p>With authentication on, none of this applies: a browser cannot sign requests.
 */
final class LocalModeGuard {
    private static final Set<String> SIMPLE_TYPES = Set.of(
            "text/plain", "multipart/form-data", "application/x-www-form-urlencoded");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private final boolean localMode;
    private final Set<String> allowedHosts;

    LocalModeGuard(boolean localMode, int port) {
        this.localMode = localMode;
        this.allowedHosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    /** Checks Host and Origin. */
    void check(RequestHeaders headers) {
        if (!localMode) {
            return;
        }
        String host = headers.first("Host");
        if (host == null || !allowedHosts.contains(host.trim().toLowerCase(Locale.ROOT))) {
            throw new ApiException(403, "InvalidHost", "a server without authentication answers only to a loopback "
                    + "Host with its port, such as " + allowedHosts.iterator().next());
        }
        String origin = headers.first("Origin");
        if (origin != null && !isLoopbackOrigin(origin.trim().toLowerCase(Locale.ROOT))) {
            throw new ApiException(403, "InvalidOrigin",
                    "a server without authentication refuses requests from web pages of other origins");
        }
    }

    /** Checks the body's media type against what the route reads. */
    void checkContentType(RequestHeaders headers, Route.BodyKind kind) {
        if (!localMode) {
            return;
        }
        String type = mediaType(headers.first("Content-Type"));
        boolean hasBody = headers.first("Transfer-Encoding") != null || declaresBody(headers.first("Content-Length"));
        if (kind == Route.BodyKind.JSON && (hasBody || type != null) && !"application/json".equals(type)) {
            throw new ApiException(415, "UnsupportedMediaType", "this operation reads application/json");
        }
        if (kind == Route.BodyKind.UPLOAD && hasBody && (type == null || SIMPLE_TYPES.contains(type))) {
            throw new ApiException(415, "UnsupportedMediaType",
                    "send the file as application/octet-stream (or its own media type), not as a form or text/plain");
        }
    }

    private static boolean isLoopbackOrigin(String origin) {
        for (String scheme : new String[] {"http://", "https://"}) {
            if (origin.startsWith(scheme)) {
                String authority = origin.substring(scheme.length());
                int colon = authority.lastIndexOf(':');
                String host = colon > authority.lastIndexOf(']') ? authority.substring(0, colon) : authority;
                String port = colon > authority.lastIndexOf(']') ? authority.substring(colon + 1) : "";
                return LOOPBACK_HOSTS.contains(host) && port.chars().allMatch(Character::isDigit);
            }
        }
        return false;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean declaresBody(String contentLength) {
        return contentLength != null && !contentLength.trim().equals("0");
    }
}
