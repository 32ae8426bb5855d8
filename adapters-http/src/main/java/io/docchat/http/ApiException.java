package io.docchat.http;

import java.util.OptionalInt;

/**
 * A failure that becomes an error response of the API: an HTTP status, a stable code such as
 * {@code MissingParameter.SessionId} and a message for the caller. Carries no stack trace: it is an answer, not a bug.
 */
final class ApiException extends RuntimeException {
    /**
     * Seconds a client is told to wait after an answer limit refused it ({@code Retry-After}): an extractive answer
     * ends well within a second, so a slot is usually free again by then.
     */
    static final int ANSWER_RETRY_AFTER_SECONDS = 1;
    /**
     * Seconds a client is told to wait after a full ingestion backlog refused its upload ({@code Retry-After}):
     * parsing a typical document takes seconds, so asking sooner would mostly be refused again.
     */
    static final int INGEST_RETRY_AFTER_SECONDS = 5;

    private final int status;
    private final String code;
    private final int retryAfterSeconds;

    ApiException(int status, String code, String message) {
        this(status, code, message, 0);
    }

    /** @param retryAfterSeconds sent as {@code Retry-After} when positive; 0 sends none */
    ApiException(int status, String code, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** How long the client should wait before asking again, or empty when asking again at once is as good. */
    OptionalInt retryAfterSeconds() {
        return retryAfterSeconds > 0 ? OptionalInt.of(retryAfterSeconds) : OptionalInt.empty();
    }

    static ApiException missing(String parameter) {
        return new ApiException(400, "MissingParameter." + pascal(parameter), parameter + " is required");
    }

    static ApiException invalid(String parameter, String why) {
        return new ApiException(400, "InvalidParameter." + pascal(parameter), parameter + " " + why);
    }

    static ApiException invalidBody(String why) {
        return new ApiException(400, "InvalidBody", why);
    }

    static ApiException payloadTooLarge(long limit) {
        return new ApiException(413, "PayloadTooLarge", "the request body is larger than " + limit + " bytes");
    }

    /** A 429 {@code Throttling} of a limit on work in progress, freed again within about {@code retryAfterSeconds}. */
    static ApiException throttled(String why, int retryAfterSeconds) {
        return new ApiException(429, "Throttling", why, retryAfterSeconds);
    }

    /** {@code sessionId} → {@code SessionId}, as error codes name parameters. */
    static String pascal(String parameter) {
        if (parameter == null || parameter.isEmpty()) {
            return "Unknown";
        }
        return Character.toUpperCase(parameter.charAt(0)) + parameter.substring(1);
    }
}
