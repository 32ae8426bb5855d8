package io.docchat.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body under a size limit: a declared {@code Content-Length} over the limit is refused without
 * keeping anything, and a chunked body is counted as it arrives and refused as soon as it passes the limit.
 *
 * <p>A refused body is still read to its end and dropped, up to {@link #MAX_DISCARD_BYTES}. The SDKs' HTTP clients
 * (OkHttp in the Java runtime) write the whole body before they read the answer; closing the connection on unread
 * bytes makes the operating system reset it, and such a client then reports "connection reset" instead of the 413.
 */
final class BodyReader {
    /**
     * The most a refused body is read for nothing. Bounded so that a refusal cannot be made to cost more than a
     * large accepted upload; the request timeout bounds the time it takes.
     */
    static final long MAX_DISCARD_BYTES = 32L * 1024 * 1024;

    /** The first buffer of a body: small bodies fit, large ones grow from here as they arrive. */
    private static final int INITIAL_BYTES = 1 << 20;
    private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private BodyReader() {}

    /**
     * Reads the whole body. The buffer grows with what arrives, never ahead of it, so that a client declaring a large
     * body and sending nothing costs nothing; for a declared length it grows to exactly that length and is returned
     * without a final copy, so that a large upload is held once rather than in a buffer twice its size and a copy.
     *
     * @param length the declared {@code Content-Length} (already validated by the server), or -1 for a chunked body
     */
    static byte[] read(InputStream in, long length, long limit) throws IOException {
        if (length > limit) {
            throw refuse(in, length, limit);
        }
        long bound = length >= 0 ? length : limit;
        byte[] bytes = new byte[(int) Math.min(Math.max(bound, 0), INITIAL_BYTES)];
        int count = 0;
        while (true) {
            if (count == bytes.length) {
                if (count >= bound) {
                    // The declared length or the limit is reached: the body must end here.
                    if (in.read() == -1) {
                        return bytes;
                    }
                    throw refuse(in, MAX_DISCARD_BYTES - count - 1, limit);
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(Math.min(bound, MAX_ARRAY_BYTES),
                        Math.max(2L * bytes.length, INITIAL_BYTES)));
            }
            int n = in.read(bytes, count, bytes.length - count);
            if (n == -1) {
                return count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
            }
            count += n;
        }
    }

    /** Drops up to {@code remaining} more bytes of a refused body, then returns the 413 to throw. */
    private static ApiException refuse(InputStream in, long remaining, long limit) {
        discard(in, remaining);
        return ApiException.payloadTooLarge(limit);
    }

    /**
     * Reads and drops what is left of a request body that will not be used, when that is at most
     * {@link #MAX_DISCARD_BYTES}, so that the answer reaches a client that is still writing it.
     *
     * @param remaining how much is left to read: the declared length, or an upper bound for a chunked body
     */
    static void discard(InputStream in, long remaining) {
        if (remaining <= 0 || remaining > MAX_DISCARD_BYTES) {
            return;
        }
        byte[] buffer = new byte[16384];
        long dropped = 0;
        try {
            int n;
            while (dropped < remaining && (n = in.read(buffer)) != -1) {
                dropped += n;
            }
        } catch (IOException e) {
            // The client went away or the request timeout closed the exchange: the answer is still attempted.
        }
    }
}
