package io.docchat.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body under a size limit: a declared {@code Content-Length} over the limit is refused before reading
 * anything, and a chunked body is counted as it arrives and refused as soon as it passes the limit.
 */
final class BodyReader {
    private BodyReader() {}

    static byte[] read(HttpExchange exchange, long limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalidBody("Content-Length is not a number");
            }
            if (length > limit) {
                throw ApiException.payloadTooLarge(limit);
            }
        }
        int initial = (int) Math.min(length > 0 ? length : 8192, 1 << 20);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(initial);
        byte[] buffer = new byte[16384];
        long total = 0;
        // Left open on purpose: closing the exchange later drains or drops what a refused client still sends.
        InputStream in = exchange.getRequestBody();
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                throw ApiException.payloadTooLarge(limit);
            }
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }
}
