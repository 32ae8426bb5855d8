package io.docchat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.core.DocChatException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Sends chat-completions requests, retrying connection failures, 429 and 5xx with exponential backoff (see
 * {@link RetryingPoster}). Retrying is only ever done before any answer text exists: once a response is accepted,
 * its failures belong to the caller.
 */
final class ChatCompletionsClient {

    private final OpenAiConfig config;
    private final ObjectMapper json;
    private final RetryingPoster poster;

    ChatCompletionsClient(OpenAiConfig config, HttpClient http, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.poster = new RetryingPoster(http, json, config.baseUrl(), config.apiKey(), config.readTimeout(),
                config.maxRetries(), config.initialBackoff());
    }

    /** Starts a streamed completion; returns the response body once the backend answered 200. */
    InputStream openStream(List<ChatMessage> messages) {
        ObjectNode body = requestBody(messages, true);
        HttpResponse<InputStream> response = sendWithRetries(body);
        return response.body();
    }

    /** A whole (non-streamed) completion's text. */
    String complete(List<ChatMessage> messages) {
        ObjectNode body = requestBody(messages, false);
        HttpResponse<InputStream> response = sendWithRetries(body);
        try (InputStream in = response.body()) {
            JsonNode root = json.readTree(in);
            JsonNode content = root.path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw unavailable("the model returned no message content", null);
            }
            return content.asText();
        } catch (IOException e) {
            throw unavailable("reading the model's response failed: " + e.getMessage(), e);
        }
    }

    private ObjectNode requestBody(List<ChatMessage> messages, boolean stream) {
        ObjectNode body = json.createObjectNode();
        body.put("model", config.model());
        ArrayNode array = body.putArray("messages");
        for (ChatMessage m : messages) {
            array.addObject().put("role", m.role()).put("content", m.content());
        }
        body.put("stream", stream);
        if (stream && config.requestUsage()) {
            body.putObject("stream_options").put("include_usage", true);
        }
        if (config.temperature() != null) {
            body.put("temperature", config.temperature());
        }
        if (config.maxTokens() != null) {
            body.put("max_tokens", config.maxTokens());
        }
        return body;
    }

    private HttpResponse<InputStream> sendWithRetries(ObjectNode body) {
        return poster.post(config.chatCompletionsUri(), body, "text/event-stream, application/json");
    }

    static DocChatException unavailable(String message, Throwable cause) {
        return RetryingPoster.unavailable(message, cause);
    }
}
