package io.docchat.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The response side of one exchange on Jetty: a whole body written asynchronously, or a stream of parts, each of
 * which may wait at most the write timeout for a client that does not read. A stuck client has its connection closed,
 * which fails the pending write and frees the thread and the answer slot behind it.
 *
 * <p>Completes the exchange's callback exactly once, through {@link #sendWhole} or {@link #finish}.
 */
final class ResponseChannel {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Duration writeTimeout;
    private boolean streaming;
    private boolean broken;
    private boolean completed;

    ResponseChannel(Request request, Response response, Callback callback, Duration writeTimeout) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.writeTimeout = writeTimeout;
    }

    /** True once the status line has gone out (or a stream was opened): nothing else can be said any more. */
    boolean committed() {
        return streaming || response.isCommitted();
    }

    /** Sets a response header (replacing any earlier value). */
    void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Writes a complete response without blocking; the exchange ends when the client has it. */
    void sendWhole(int status, String contentType, byte[] bytes) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", contentType);
        response.getHeaders().put("Content-Length", Long.toString(bytes.length));
        completed = true;
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /**
     * Starts a streamed (chunked) response: the status and headers go out with the first part, in the same write.
     * Nothing else can be said from here on.
     */
    void openStream(int status) {
        response.setStatus(status);
        streaming = true;
    }

    /** Writes and flushes one part of a streamed response, waiting at most the write timeout. */
    void writePart(byte[] bytes) throws IOException {
        await(ByteBuffer.wrap(bytes), false);
    }

    /**
     * Writes the last part of a streamed response and ends it, in one write, waiting at most the write timeout; the
     * exchange is then complete (failed, with the connection dropped, when the write failed).
     */
    void finishWith(byte[] bytes) throws IOException {
        if (completed) {
            throw new IllegalStateException("the response has ended already");
        }
        try {
            await(ByteBuffer.wrap(bytes), true);
        } catch (IOException e) {
            completed = true;
            callback.failed(e);
            throw e;
        }
        completed = true;
        callback.succeeded();
    }

    /** Ends the exchange: the last chunk of a healthy stream, or an aborted connection after a failed one. */
    void finish() {
        if (completed) {
            return;
        }
        completed = true;
        if (broken) {
            callback.failed(new IOException("the response could not be completed"));
        } else {
            response.write(true, ByteBuffer.allocate(0), callback);
        }
    }

    /** Ends the exchange by dropping the connection: for a response that went wrong after it started. */
    void abort(Throwable cause) {
        if (!completed) {
            completed = true;
            callback.failed(cause);
        }
    }

    private void await(ByteBuffer bytes, boolean last) throws IOException {
        if (broken) {
            throw new IOException("the connection is closed");
        }
        Callback.Completable written = new Callback.Completable();
        response.write(last, bytes, written);
        try {
            written.get(writeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            broken = true;
            // Closing the connection fails the pending write, so Jetty releases its buffers and nothing stays blocked.
            EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            endPoint.close(new TimeoutException("the client did not read for " + writeTimeout));
            throw new StalledClientException(writeTimeout);
        } catch (ExecutionException e) {
            broken = true;
            throw new IOException("the client went away", e.getCause());
        } catch (InterruptedException e) {
            broken = true;
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        }
    }

    /** A write waited longer than the write timeout: the client stopped reading, and its connection was closed. */
    static final class StalledClientException extends IOException {
        StalledClientException(Duration writeTimeout) {
            super("the client did not read for " + writeTimeout + "; its connection was closed");
        }
    }
}
