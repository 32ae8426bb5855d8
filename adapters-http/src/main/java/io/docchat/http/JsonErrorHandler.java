package io.docchat.http;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler, answering in the API's error JSON instead of HTML: every error the server produces itself
 * (a bad request line, bad headers or escapes, bad lengths or chunking, too-large headers or body, timeouts) reaches
 * the client as {@code {"RequestId", "Code", "Message", "HostId"}}. The message is Jetty's reason, which names the
 * violation and never carries request data beyond it.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final ErrorBodies errors;

    JsonErrorHandler(ErrorBodies errors) {
        this.errors = errors;
    }

    /** Every method gets its error body: Jetty writes bodies only for GET, POST and HEAD by default. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String requestId = UUID.randomUUID().toString();
        byte[] body = errors.body(requestId, ErrorBodies.codeFor(code), describe(code, message));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorBodies.CONTENT_TYPE);
        response.getHeaders().put("x-acs-request-id", requestId);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = UUID.randomUUID().toString();
        fields.put(HttpHeader.CONTENT_TYPE, ErrorBodies.CONTENT_TYPE);
        fields.put("x-acs-request-id", requestId);
        return ByteBuffer.wrap(errors.body(requestId, ErrorBodies.codeFor(status), describe(status, reason)));
    }

    private static String describe(int status, String reason) {
        String standard = HttpStatus.getMessage(status);
        if (reason == null || reason.isBlank() || reason.equals(standard)) {
            return "the server refused the request: " + standard;
        }
        return "the server refused the request: " + reason;
    }
}
