package io.docchat.cli;

import io.docchat.core.DocChatException;

/** The process exit codes of every command, so that scripts can tell outcomes apart. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    /** Some files of an ingest failed while others succeeded. */
    public static final int PARTIAL_FAILURE = 4;
    /** Stopped by Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}

    /** The exit code for a failure the engine reported. */
    public static int of(DocChatException e) {
        return switch (e.code()) {
            case SESSION_NOT_FOUND, FOLDER_NOT_FOUND, DOCUMENT_NOT_FOUND -> NOT_FOUND;
            case MISSING_PARAMETER, INVALID_PARAMETER -> USAGE;
            default -> FAILURE;
        };
    }
}
