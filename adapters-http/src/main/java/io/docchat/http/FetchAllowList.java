package io.docchat.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URLs a {@code fileUrl} may name. Each allowed prefix is parsed once; a candidate matches when its scheme, host
 * and port equal the prefix's exactly (the port made explicit: 80 for http, 443 for https) and its path, decoded and
 * split into segments, begins with the prefix's segments, so {@code http://127.0.0.1:1859/files} allows neither port
 * 18598 nor {@code /files2}. Refused outright: user info, encoded dots, slashes or backslashes ({@code %2e},
 * {@code %2f}, {@code %5c}), and dot segments, which could otherwise climb out of an allowed path.
 */
final class FetchAllowList {
    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2[eEfF]|5[cC])");

    private final List<Target> prefixes;

    FetchAllowList(List<String> allowedPrefixes) {
        List<Target> parsed = new ArrayList<>();
        for (String prefix : allowedPrefixes) {
            parsed.add(parse(prefix).orElseThrow(() -> new IllegalArgumentException(
                    "allowed fetch prefix " + prefix + " must be an http or https URL without dot segments")));
        }
        this.prefixes = List.copyOf(parsed);
    }

    boolean isEmpty() {
        return prefixes.isEmpty();
    }

    /**
     * The URL to fetch, when it lies under an allowed prefix.
     *
     * @throws ApiException 400 {@code InvalidParameter.FileUrl} naming why it was refused
     */
    URI check(String url) {
        Target target = parse(url).orElseThrow(() -> ApiException.invalid("fileUrl",
                "is not an http or https URL, or has user info, encoded dots or slashes, or dot segments"));
        for (Target prefix : prefixes) {
            if (prefix.covers(target)) {
                return target.uri();
            }
        }
        throw ApiException.invalid("fileUrl", "is not under an allowed prefix (scheme, host, port and path must match)");
    }

    /** A parsed URL: exact scheme, host and port, and the decoded path segments. */
    private record Target(URI uri, String scheme, String host, int port, List<String> segments) {
        boolean covers(Target candidate) {
            if (!scheme.equals(candidate.scheme) || !host.equals(candidate.host) || port != candidate.port) {
                return false;
            }
            if (candidate.segments.size() < segments.size()) {
                return false;
            }
            return candidate.segments.subList(0, segments.size()).equals(segments);
        }
    }

    private static Optional<Target> parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawUserInfo() != null
                || uri.getHost() == null || uri.isOpaque()) {
            return Optional.empty();
        }
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (ENCODED_SEPARATOR.matcher(rawPath).find() || rawPath.contains("\\")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String segment;
            try {
                segment = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
            segments.add(segment);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return Optional.of(new Target(uri, scheme, uri.getHost().toLowerCase(Locale.ROOT), port,
                List.copyOf(segments)));
    }
}
