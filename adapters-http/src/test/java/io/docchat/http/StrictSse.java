package io.docchat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An event-stream parser as strict as the pickiest SDK: every event is exactly {@code id: <id>\n} then
 * {@code data: <one line of JSON object>\n} then a blank line. A CR anywhere, a comment or heartbeat line, a missing
 * {@code id:}, a missing space after the colon, any other field, or data that is not a JSON object is an error.
 */
public final class StrictSse {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream in;

    public StrictSse(InputStream in) {
        this.in = in;
    }

    public record Event(String id, JsonNode data) {}

    static List<Event> parseAll(String body) {
        StrictSse parser = new StrictSse(new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        List<Event> events = new ArrayList<>();
        Event event;
        while ((event = parser.next()) != null) {
            events.add(event);
        }
        return events;
    }

    /** The next event, or null at a clean end of stream (between events). */
    public Event next() {
        String idLine = readLine(true);
        if (idLine == null) {
            return null;
        }
        if (!idLine.startsWith("id: ") || idLine.length() == 4) {
            throw new AssertionError("expected 'id: <requestId>', got: " + idLine);
        }
        String dataLine = readLine(false);
        if (!dataLine.startsWith("data: ")) {
            throw new AssertionError("expected 'data: <json>', got: " + dataLine);
        }
        String blank = readLine(false);
        if (!blank.isEmpty()) {
            throw new AssertionError("expected a blank line after data, got: " + blank);
        }
        JsonNode data;
        try {
            data = JSON.readTree(dataLine.substring(6));
        } catch (IOException e) {
            throw new AssertionError("data is not JSON: " + dataLine, e);
        }
        if (data == null || !data.isObject()) {
            throw new AssertionError("data is not a JSON object: " + dataLine);
        }
        return new Event(idLine.substring(4), data);
    }

    private String readLine(boolean endAllowed) {
        StringBuilder bytes = new StringBuilder();
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\r') {
                    throw new AssertionError("CR in the event stream");
                }
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    if (text.startsWith(":")) {
                        throw new AssertionError("comment or heartbeat line: " + text);
                    }
                    return text;
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line.size() == 0 && endAllowed) {
            return null;
        }
        throw new AssertionError("the stream ended in the middle of an event: " + bytes + line);
    }
}
