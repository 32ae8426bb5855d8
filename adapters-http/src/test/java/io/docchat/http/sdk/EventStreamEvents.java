package io.docchat.http.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole ChatStream body as the SDKs' event-stream parsers need it: LF line ends only, each event exactly an
 * {@code id: } line and a {@code data: } line holding one JSON object, events separated by one blank line, no
 * comments or sentinels. Fails the test on anything else.
 */
final class EventStreamEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventStreamEvents() {}

    /** The {@code data} of every event, in order; the stream is read to its end and closed. */
    static List<JsonNode> read(InputStream stream) throws IOException {
        String text;
        try (stream) {
            text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).as("event stream").doesNotContain("\r").isNotEmpty().endsWith("\n\n");
        List<JsonNode> events = new ArrayList<>();
        for (String event : text.substring(0, text.length() - 2).split("\n\n", -1)) {
            String[] lines = event.split("\n", -1);
            assertThat(lines).as("lines of event %s", event).hasSize(2);
            assertThat(lines[0]).as("id line").startsWith("id: ");
            assertThat(lines[1]).as("data line").startsWith("data: ");
            JsonNode data = JSON.readTree(lines[1].substring("data: ".length()));
            assertThat(data.isObject()).as("data of %s is a JSON object", event).isTrue();
            assertThat(data.path("requestId").asText()).isEqualTo(lines[0].substring("id: ".length()));
            events.add(data);
        }
        return events;
    }
}
