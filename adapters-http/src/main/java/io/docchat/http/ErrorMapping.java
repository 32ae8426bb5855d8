package io.docchat.http;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;

/** Translates the engine's {@link ErrorCode}s into the error table of the API. */
final class ErrorMapping {
    private ErrorMapping() {}

    static ApiException toApi(DocChatException e) {
        return toApi(e.code(), e.parameter(), e.getMessage());
    }

    static ApiException toApi(ErrorCode code, String parameter, String message) {
        return switch (code) {
            case MISSING_PARAMETER -> new ApiException(400, withParameter("MissingParameter", parameter), message);
            case INVALID_PARAMETER -> new ApiException(400, withParameter("InvalidParameter", parameter), message);
            case SESSION_NOT_FOUND -> new ApiException(404, "SessionNotFound", message);
            case FOLDER_NOT_FOUND -> new ApiException(404, "FolderNotFound", message);
            case DOCUMENT_NOT_FOUND -> new ApiException(404, "DocumentNotFound", message);
            case FOLDER_NOT_EMPTY -> new ApiException(409, "FolderNotEmpty", message);
            case CONFLICT -> new ApiException(409, "Conflict", message);
            case BUSY -> ApiException.throttled(message, ApiException.INGEST_RETRY_AFTER_SECONDS);
            case UNSUPPORTED_DOCUMENT_TYPE -> new ApiException(415, "UnsupportedDocumentType", message);
            case PAYLOAD_TOO_LARGE -> new ApiException(413, "PayloadTooLarge", message);
            case MODEL_UNAVAILABLE -> new ApiException(503, "ModelUnavailable", message);
            case STORAGE_FAILURE -> new ApiException(503, "ServiceUnavailable", "storage is unavailable; nothing was changed");
            case INTERNAL -> new ApiException(500, "InternalError", "internal error");
            case CLOSED -> new ApiException(503, "ServiceUnavailable", "the server is shutting down");
        };
    }

    private static String withParameter(String prefix, String parameter) {
        return parameter == null || parameter.isBlank() ? prefix : prefix + "." + ApiException.pascal(parameter);
    }
}
