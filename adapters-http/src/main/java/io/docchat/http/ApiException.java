package io.docchat.http;

/**
 * A failure that becomes an error response of the API: an HTTP status, a stable code such as
 * {@code MissingParameter.SessionId} and a message for the caller. Carries no stack trace: it is an answer, not a bug.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
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

    static ApiException throttled(String why) {
        return new ApiException(429, "Throttling", why);
    }

    /** {@code sessionId} → {@code SessionId}, as error codes name parameters. */
    static String pascal(String parameter) {
        if (parameter == null || parameter.isEmpty()) {
            return "Unknown";
        }
        return Character.toUpperCase(parameter.charAt(0)) + parameter.substring(1);
    }
}
