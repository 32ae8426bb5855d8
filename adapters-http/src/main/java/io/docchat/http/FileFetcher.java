package io.docchat.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Downloads a document named by {@code fileUrl}, only from configured URL prefixes (a server must never fetch
 * arbitrary addresses for a caller; see {@link FetchAllowList}), following at most {@value #MAX_REDIRECTS} redirects,
 * each checked against the same list, with timeouts and a size cap.
 */
final class FileFetcher {
    static final int MAX_REDIRECTS = 3;

    private final FetchAllowList allowList;
    private final long maxBytes;
    private final Duration timeout;
    private final HttpClient client;

    FileFetcher(List<String> allowedPrefixes, long maxBytes, Duration timeout) {
        this.allowList = new FetchAllowList(allowedPrefixes);
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.client = allowedPrefixes.isEmpty() ? null : HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    byte[] fetch(String fileUrl) {
        if (client == null) {
            throw ApiException.invalid("fileUrl", "downloads are turned off on this server; send the file in the body");
        }
        URI uri = allowList.check(fileUrl);
        try {
            for (int hop = 0; ; hop++) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                String location = response.headers().firstValue("Location").orElse(null);
                if (isRedirect(response.statusCode()) && location != null) {
                    response.body().close();
                    if (hop == MAX_REDIRECTS) {
                        throw ApiException.invalid("fileUrl", "redirects more than " + MAX_REDIRECTS + " times");
                    }
                    // A redirect may not leave the list: the target is checked like the fileUrl itself.
                    uri = allowList.check(uri.resolve(location).toString());
                    continue;
                }
                return body(response);
            }
        } catch (IOException e) {
            throw ApiException.invalid("fileUrl", "could not be downloaded: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.invalid("fileUrl", "download was interrupted");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private byte[] body(HttpResponse<InputStream> response) throws IOException {
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
                    throw new ApiException(413, "PayloadTooLarge",
                            "the file at fileUrl is larger than " + maxBytes + " bytes");
                }
                bytes.write(buffer, 0, n);
            }
            return bytes.toByteArray();
        }
    }
}
