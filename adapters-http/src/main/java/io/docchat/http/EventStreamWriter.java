package io.docchat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Writes server-sent events the way every SDK parser accepts them: {@code id: <requestId>\n},
 * {@code data: <one line of JSON>\n}, a blank line, LF only, each event written and flushed in one piece. No comments,
 * no heartbeats, no sentinel: the stream ends when the response ends.
 */
final class EventStreamWriter {
    private static final byte[] DATA_PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper json;
    private final HttpExchange exchange;
    private final String requestId;
    private final byte[] idLine;
    private final Timeouts timeouts;
    private final Duration writeTimeout;
    private final ByteArrayOutputStream event = new ByteArrayOutputStream(1024);
    private OutputStream out;

    EventStreamWriter(ObjectMapper json, HttpExchange exchange, String requestId, Timeouts timeouts,
                      Duration writeTimeout) {
        this.json = json;
        this.exchange = exchange;
        this.requestId = requestId;
        this.idLine = ("id: " + requestId + "\n").getBytes(StandardCharsets.UTF_8);
        this.timeouts = timeouts;
        this.writeTimeout = writeTimeout;
    }

    /** Sends the 200 and the event-stream headers; chunked, never compressed. */
    void open() throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream;charset=UTF-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        // Tells reverse proxies such as nginx not to buffer the stream.
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        out = exchange.getResponseBody();
    }

    /**
     * Writes one event with {@code {"requestId": ..., "data": data}}.
     *
     * @param onStuck run when the client stops reading for longer than the write timeout
     * @throws IOException when the client has gone away
     */
    void send(JsonNode data, Runnable onStuck) throws IOException {
        event.reset();
        event.write(idLine);
        event.write(DATA_PREFIX);
        json.writeValue(event, new Envelope(requestId, data));
        event.write(EVENT_END);
        Timeouts.Alarm stuck = timeouts.arm(writeTimeout, onStuck);
        try {
            event.writeTo(out);
            out.flush();
        } finally {
            stuck.close();
        }
    }

    /** The success envelope of the API. */
    record Envelope(String requestId, JsonNode data) {}
}
