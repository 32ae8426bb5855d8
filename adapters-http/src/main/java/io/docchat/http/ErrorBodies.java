package io.docchat.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one shape of every error body (API.md §5): {@code {"RequestId", "Code", "Message", "HostId"}}, whether an
 * operation refused the request or the server itself did (a malformed request, a timeout, a limit).
 */
final class ErrorBodies {
    static final String CONTENT_TYPE = "application/json;charset=utf-8";

    private final ObjectMapper json;
    private final String hostId;

    ErrorBodies(ObjectMapper json, String hostId) {
        this.json = json;
        this.hostId = hostId;
    }

    byte[] body(String requestId, String code, String message) {
        ObjectNode body = json.createObjectNode();
        body.put("RequestId", requestId);
        body.put("Code", code);
        body.put("Message", message);
        body.put("HostId", hostId);
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A complete HTTP/1.1 response carrying an error body and closing the connection, for the moments when no
     * request exists to answer through (a header deadline, a refused connection).
     *
     * @param extraHeaders further header lines, in order (a refusal's {@code Retry-After})
     */
    byte[] rawResponse(int status, String reason, String requestId, String code, String message,
            Map<String, String> extraHeaders) {
        byte[] body = body(requestId, code, message);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n")
                .append("Content-Type: ").append(CONTENT_TYPE).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("x-acs-request-id: ").append(requestId).append("\r\n");
        extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Connection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** The API code for a status the server produces on its own, before any operation is chosen. */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "InvalidRequest";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 408 -> "RequestTimeout";
            case 411 -> "LengthRequired";
            case 413 -> "PayloadTooLarge";
            case 414 -> "URITooLong";
            case 415 -> "UnsupportedMediaType";
            case 417 -> "ExpectationFailed";
            case 429 -> "Throttling";
            case 431 -> "RequestHeaderFieldsTooLarge";
            case 501 -> "NotImplemented";
            case 503 -> "ServiceUnavailable";
            case 505 -> "HttpVersionNotSupported";
            default -> status >= 500 ? "InternalError" : "InvalidRequest";
        };
    }
}
