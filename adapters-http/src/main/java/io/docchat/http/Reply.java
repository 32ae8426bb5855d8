package io.docchat.http;

import com.fasterxml.jackson.databind.JsonNode;

/** What an operation answers: data for the {@code {requestId, data}} envelope, raw bytes, or a response it wrote itself. */
sealed interface Reply {

    record Data(JsonNode data) implements Reply {}

    record Bytes(String contentType, byte[] content) implements Reply {}

    /** The operation has sent the whole response (an event stream). */
    record Written() implements Reply {}
}
