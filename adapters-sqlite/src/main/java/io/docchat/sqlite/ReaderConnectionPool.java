package io.docchat.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Read-only connections, kept open between uses because opening a SQLite connection (file open, schema parse,
 * pragmas) costs far more than a typical indexed read. Never blocks: when every pooled connection is in use another one
 * is opened, and connections beyond the pool's capacity are closed when returned.
 */
final class ReaderConnectionPool implements ConnectionFactory, AutoCloseable {

    /** Opens a new connection; may throw. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;

    ReaderConnectionPool(Opener opener, int capacity) {
        this.opener = opener;
        this.idle = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public Connection openConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed");
        }
        Connection connection = idle.poll();
        return connection != null ? connection : opener.open();
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        if (closed || !idle.offer(connection)) {
            connection.close();
            return;
        }
        // close() may have drained the queue between the check and the offer; make sure nothing is left behind.
        if (closed && idle.remove(connection)) {
            connection.close();
        }
    }

    @Override
    public void close() throws SQLException {
        closed = true;
        SQLException failure = null;
        Connection connection;
        while ((connection = idle.poll()) != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
