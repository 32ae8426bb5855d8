package io.docchat.core;

import java.util.Objects;

/**
 * The one exception type the docchat API throws for conditions a caller can act on. Every instance carries a stable
 * {@link ErrorCode}; {@link #parameter()} names the offending request parameter where there is one.
 */
public class DocChatException extends RuntimeException {
    private final ErrorCode code;
    private final String parameter;

    public DocChatException(ErrorCode code, String message) {
        this(code, null, message, null);
    }

    public DocChatException(ErrorCode code, String message, Throwable cause) {
        this(code, null, message, cause);
    }

    public DocChatException(ErrorCode code, String parameter, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.parameter = parameter;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request parameter at fault, in camelCase as the API names it (e.g. {@code sessionId}), or null. */
    public String parameter() {
        return parameter;
    }

    public static DocChatException missing(String parameter) {
        return new DocChatException(ErrorCode.MISSING_PARAMETER, parameter, parameter + " is required", null);
    }

    public static DocChatException invalid(String parameter, String why) {
        return new DocChatException(ErrorCode.INVALID_PARAMETER, parameter, parameter + " " + why, null);
    }

    public static DocChatException sessionNotFound(String sessionId) {
        return new DocChatException(ErrorCode.SESSION_NOT_FOUND, "sessionId", "session " + sessionId + " not found", null);
    }

    public static DocChatException folderNotFound(String folderId) {
        return new DocChatException(ErrorCode.FOLDER_NOT_FOUND, "folderId", "folder " + folderId + " not found", null);
    }

    /** Any call on a closed {@link DocChat}. */
    public static DocChatException closed() {
        return new DocChatException(ErrorCode.CLOSED, "docchat is closed");
    }

    public static DocChatException documentNotFound(Object documentId) {
        return new DocChatException(ErrorCode.DOCUMENT_NOT_FOUND, "documentId", "document " + documentId + " not found", null);
    }
}
