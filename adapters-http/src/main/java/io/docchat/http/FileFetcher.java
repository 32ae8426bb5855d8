package io.docchat.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Downloads a document named by {@code fileUrl}, only from configured URL prefixes (a server must never fetch
 * arbitrary addresses for a caller), without following redirects (which could leave the allowed prefixes), with
 * timeouts and a size cap.
 */
final class FileFetcher {
    private final List<String> allowedPrefixes;
    private final long maxBytes;
    private final Duration timeout;
    private final HttpClient client;

    FileFetcher(List<String> allowedPrefixes, long maxBytes, Duration timeout) {
        this.allowedPrefixes = List.copyOf(allowedPrefixes);
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.client = allowedPrefixes.isEmpty() ? null : HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    byte[] fetch(String fileUrl) {
        URI uri = allowedUri(fileUrl);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw ApiException.invalid("fileUrl", "answered HTTP " + response.statusCode());
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[16384];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) != -1) {
                    total += n;
                    if (total > maxBytes) {
                        throw new ApiException(413, "PayloadTooLarge", "the file at fileUrl is larger than " + maxBytes + " bytes");
                    }
                    bytes.write(buffer, 0, n);
                }
                return bytes.toByteArray();
            }
        } catch (IOException e) {
            throw ApiException.invalid("fileUrl", "could not be downloaded: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.invalid("fileUrl", "download was interrupted");
        }
    }

    private URI allowedUri(String fileUrl) {
        if (client == null) {
            throw ApiException.invalid("fileUrl", "downloads are turned off on this server; send the file in the body");
        }
        URI uri;
        try {
            uri = new URI(fileUrl).normalize();
        } catch (URISyntaxException e) {
            throw ApiException.invalid("fileUrl", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawUserInfo() != null
                || uri.getRawPath() == null || uri.getRawPath().contains("/../")) {
            throw ApiException.invalid("fileUrl", "is not an allowed URL");
        }
        String normalized = uri.toString();
        for (String prefix : allowedPrefixes) {
            if (normalized.startsWith(prefix)) {
                return uri;
            }
        }
        throw ApiException.invalid("fileUrl", "is not under an allowed prefix");
    }
}
