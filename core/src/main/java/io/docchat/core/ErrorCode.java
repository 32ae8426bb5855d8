package io.docchat.core;

/**
 * Stable codes for every failure a caller can act on. Adapters map them to their own vocabulary (the HTTP adapter to
 * the error table of the API); their names never change once released.
 */
public enum ErrorCode {
    /** A required parameter is absent or blank. */
    MISSING_PARAMETER,
    /** A parameter has the wrong form, is too long, or is out of range. */
    INVALID_PARAMETER,
    SESSION_NOT_FOUND,
    FOLDER_NOT_FOUND,
    DOCUMENT_NOT_FOUND,
    /** A folder cannot be deleted while it holds documents or subfolders. */
    FOLDER_NOT_EMPTY,
    /** The request conflicts with the current state (for example a duplicate name). */
    CONFLICT,
    /** No parser accepts the file's content. */
    UNSUPPORTED_DOCUMENT_TYPE,
    /** A file or text is over the configured size limit. */
    PAYLOAD_TOO_LARGE,
    /** The answer model backend cannot be reached or refused the request. */
    MODEL_UNAVAILABLE,
    /**
     * docchat is busy (for example its parsing backlog is full): nothing was changed, and the same request may
     * succeed later. HTTP: 429 {@code Throttling} with {@code Retry-After}.
     */
    BUSY,
    /** A store or index failed; the operation was not applied. */
    STORAGE_FAILURE,
    /** A bug. */
    INTERNAL,
    /** The {@link io.docchat.core.DocChat} was closed; it serves no more calls. */
    CLOSED
}
