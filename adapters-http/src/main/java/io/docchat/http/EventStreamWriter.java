package io.docchat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events the way every SDK parser accepts them: {@code id: <requestId>\n},
 * {@code data: <one line of JSON>\n}, a blank line, LF only. No comments, no heartbeats, no sentinel: the stream ends
 * when the response ends.
 *
 * <p>Events are gathered and written together: the caller {@linkplain #gather gathers} the events it has at hand and
 * {@linkplain #sendGathered sends} them before it waits for more, and the last event ends the response in the same
 * write. An answer written all at once (the extractive model's) then costs the network two writes instead of one per
 * event and the client as many wake-ups, while a model that writes slowly still has each event sent as it comes.
 * An event is never split between writes.
 */
final class EventStreamWriter {
    private static final byte[] DATA_PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper json;
    private final ResponseChannel response;
    private final String requestId;
    private final byte[] idLine;
    private final ByteArrayOutputStream gathered = new ByteArrayOutputStream(4096);

    EventStreamWriter(ObjectMapper json, ResponseChannel response, String requestId) {
        this.json = json;
        this.response = response;
        this.requestId = requestId;
        this.idLine = ("id: " + requestId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Starts the 200 with the event-stream headers, which go out with the first events; chunked, never compressed. */
    void open() {
        response.header("Content-Type", "text/event-stream;charset=UTF-8");
        response.header("Cache-Control", "no-cache");
        // Tells reverse proxies such as nginx not to buffer the stream.
        response.header("X-Accel-Buffering", "no");
        response.openStream(200);
    }

    /** Adds one event with {@code {"requestId": ..., "data": data}} to those to be sent. */
    void gather(JsonNode data) throws IOException {
        gathered.write(idLine);
        gathered.write(DATA_PREFIX);
        json.writeValue(gathered, new Envelope(requestId, data));
        gathered.write(EVENT_END);
    }

    /**
     * Writes and flushes the events gathered so far, if any.
     *
     * @throws ResponseChannel.StalledClientException when the client stopped reading for the write timeout (its
     *                                                connection is closed by then)
     * @throws IOException                            when the client has gone away
     */
    void sendGathered() throws IOException {
        if (gathered.size() > 0) {
            response.writePart(takeGathered());
        }
    }

    /** Writes the events gathered so far and this last one, and ends the response, in one write. */
    void sendLast(JsonNode data) throws IOException {
        gather(data);
        response.finishWith(takeGathered());
    }

    private byte[] takeGathered() {
        byte[] bytes = gathered.toByteArray();
        gathered.reset();
        return bytes;
    }

    /** The success envelope of the API. */
    record Envelope(String requestId, JsonNode data) {}
}
