package io.docchat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events the way every SDK parser accepts them: {@code id: <requestId>\n},
 * {@code data: <one line of JSON>\n}, a blank line, LF only, each event written and flushed in one piece. No comments,
 * no heartbeats, no sentinel: the stream ends when the response ends.
 */
final class EventStreamWriter {
    private static final byte[] DATA_PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper json;
    private final ResponseChannel response;
    private final String requestId;
    private final byte[] idLine;
    private final ByteArrayOutputStream event = new ByteArrayOutputStream(1024);

    EventStreamWriter(ObjectMapper json, ResponseChannel response, String requestId) {
        this.json = json;
        this.response = response;
        this.requestId = requestId;
        this.idLine = ("id: " + requestId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the 200 and the event-stream headers; chunked, never compressed. */
    void open() throws IOException {
        response.header("Content-Type", "text/event-stream;charset=UTF-8");
        response.header("Cache-Control", "no-cache");
        // Tells reverse proxies such as nginx not to buffer the stream.
        response.header("X-Accel-Buffering", "no");
        response.openStream(200);
    }

    /**
     * Writes one event with {@code {"requestId": ..., "data": data}}.
     *
     * @throws ResponseChannel.StalledClientException when the client stopped reading for the write timeout (its
     *                                                connection is closed by then)
     * @throws IOException                            when the client has gone away
     */
    void send(JsonNode data) throws IOException {
        event.reset();
        event.write(idLine);
        event.write(DATA_PREFIX);
        json.writeValue(event, new Envelope(requestId, data));
        event.write(EVENT_END);
        response.writePart(event.toByteArray());
    }

    /** The success envelope of the API. */
    record Envelope(String requestId, JsonNode data) {}
}
