package io.docchat.sqlite;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.sql.SQLException;

/** Classifies and translates SQLite failures at the port boundary, so callers only ever see {@link DocChatException}. */
final class StorageErrors {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CONSTRAINT = 19;

    private StorageErrors() {}

    /** True when the failure means another connection holds a lock and the work may simply be retried. */
    static boolean isBusy(Throwable failure) {
        int code = primaryResultCode(failure);
        return code == SQLITE_BUSY || code == SQLITE_LOCKED;
    }

    static boolean isConstraintViolation(Throwable failure) {
        return primaryResultCode(failure) == SQLITE_CONSTRAINT;
    }

    static RuntimeException translate(RuntimeException failure, String action) {
        if (failure instanceof DocChatException) {
            return failure;
        }
        if (isConstraintViolation(failure)) {
            return new DocChatException(ErrorCode.CONFLICT, action + " conflicts with stored data", failure);
        }
        return new DocChatException(ErrorCode.STORAGE_FAILURE, action + " failed in the SQLite store", failure);
    }

    private static int primaryResultCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() != 0) {
                return sql.getErrorCode() & 0xFF;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return -1;
    }
}
