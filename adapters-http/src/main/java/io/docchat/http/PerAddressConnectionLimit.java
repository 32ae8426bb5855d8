package io.docchat.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;

/**
 * Caps the open connections from one remote address, so that one host cannot take every connection the server
 * allows (Jetty's {@code NetworkConnectionLimit} caps the total). A connection over the cap is answered 429
 * {@code Throttling} with the API's error body and the general {@code Retry-After}, and closed before any request is
 * read: a client that honours the header comes back once one of its other connections may have closed.
 */
final class PerAddressConnectionLimit implements Connection.Listener {
    private final int limit;
    private final ErrorBodies errors;
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    PerAddressConnectionLimit(int limit, ErrorBodies errors) {
        this.limit = limit;
        this.errors = errors;
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint endPoint = connection.getEndPoint();
        SocketAddress remote = endPoint.getRemoteSocketAddress();
        if (!(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return;
        }
        InetAddress address = inet.getAddress();
        int now = open.computeIfAbsent(address, key -> new AtomicInteger()).incrementAndGet();
        counted.put(connection, address);
        if (now > limit) {
            byte[] response = errors.rawResponse(429, "Too Many Requests", UUID.randomUUID().toString(),
                    "Throttling", "more than " + limit + " open connections from one address "
                            + "(maxConnectionsPerAddress); close some and retry",
                    Map.of("Retry-After", Integer.toString(ApiHandler.RETRY_AFTER_SECONDS)));
            endPoint.write(Callback.from(() -> endPoint.close(), failure -> endPoint.close()),
                    ByteBuffer.wrap(response));
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    /** Open connections from the address now. */
    int openFrom(InetAddress address) {
        AtomicInteger count = open.get(address);
        return count == null ? 0 : count.get();
    }
}
