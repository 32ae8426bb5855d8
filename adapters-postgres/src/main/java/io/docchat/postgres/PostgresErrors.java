package io.docchat.postgres;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.sql.SQLException;

/**
 * Classifies and translates PostgreSQL failures at the port boundary (by SQLSTATE), so callers only ever see
 * {@link DocChatException}.
 */
final class PostgresErrors {
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final String INTEGRITY_CONSTRAINT_CLASS = "23";
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private PostgresErrors() {}

    /** True when the whole transaction may simply be run again: a conflict with a concurrent transaction. */
    static boolean isRetryable(Throwable failure) {
        String state = sqlState(failure);
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }

    static RuntimeException translate(RuntimeException failure, String action) {
        if (failure instanceof DocChatException) {
            return failure;
        }
        String state = sqlState(failure);
        if (state != null && state.startsWith(INTEGRITY_CONSTRAINT_CLASS)) {
            return new DocChatException(ErrorCode.CONFLICT, action + " conflicts with stored data", failure);
        }
        if (state != null && state.startsWith(CONNECTION_EXCEPTION_CLASS)) {
            return new DocChatException(ErrorCode.STORAGE_FAILURE,
                    action + " failed: the PostgreSQL server cannot be reached", failure);
        }
        return new DocChatException(ErrorCode.STORAGE_FAILURE, action + " failed in the PostgreSQL store", failure);
    }

    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
