package io.docchat.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The header-read deadline: a connection must deliver a complete request line and headers within the header timeout,
 * counted from the moment it opens and again from the end of each response. Jetty's idle timeout alone is reset by
 * every byte, so a client trickling one byte at a time could hold a connection for ever; this deadline cannot be
 * stretched. A connection that sent part of a request by then gets a 408 with the API's error body and is closed; one
 * that sent nothing at all (a half-open connection, or an idle keep-alive one) is closed without a word, since a 408
 * could cross a request the client is sending at that moment and be taken for its answer.
 *
 * <p>Costs no thread while waiting: one timer entry per connection (Jetty reads headers without blocking a thread).
 */
final class HeaderDeadline implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Timeouts timeouts;
    private final Duration headerTimeout;
    private final ErrorBodies errors;

    HeaderDeadline(Timeouts timeouts, Duration headerTimeout, ErrorBodies errors) {
        this.timeouts = timeouts;
        this.headerTimeout = headerTimeout;
        this.errors = errors;
    }

    @Override
    public void onOpened(Connection connection) {
        arm(connection);
    }

    /** A response has ended on this connection: the next request's headers are due within the header timeout. */
    void responseEnded(Connection connection) {
        arm(connection);
    }

    private void arm(Connection connection) {
        long requestsSoFar = connection.getMessagesIn();
        long bytesSoFar = connection.getBytesIn();
        timeouts.arm(headerTimeout, () -> {
            EndPoint endPoint = connection.getEndPoint();
            // A request that started since (its headers complete) counts as in: its own limits apply from there.
            if (!endPoint.isOpen() || connection.getMessagesIn() > requestsSoFar) {
                return;
            }
            if (connection.getBytesIn() == bytesSoFar) {
                endPoint.close();
                return;
            }
            log.debug("closing {}: no complete request headers within {}", endPoint.getRemoteSocketAddress(),
                    headerTimeout);
            String requestId = UUID.randomUUID().toString();
            byte[] response = errors.rawResponse(408, "Request Timeout", requestId, "RequestTimeout",
                    "the request line and headers did not arrive within " + headerTimeout.toMillis() + " ms", Map.of());
            endPoint.write(Callback.from(() -> endPoint.close(), failure -> endPoint.close()),
                    ByteBuffer.wrap(response));
        });
    }
}
