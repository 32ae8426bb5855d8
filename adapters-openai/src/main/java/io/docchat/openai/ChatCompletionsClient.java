package io.docchat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends chat-completions requests, retrying connection failures, 429 and 5xx with exponential backoff. Retrying is
 * only ever done before any answer text exists: once a response is accepted, its failures belong to the caller.
 */
final class ChatCompletionsClient {
    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsClient.class);
    private static final int ERROR_BODY_LIMIT = 4_096;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final OpenAiConfig config;
    private final HttpClient http;
    private final ObjectMapper json;

    ChatCompletionsClient(OpenAiConfig config, HttpClient http, ObjectMapper json) {
        this.config = config;
        this.http = http;
        this.json = json;
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
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new DocChatException(ErrorCode.INTERNAL, "cannot encode the model request", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(config.chatCompletionsUri())
                .timeout(config.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream, application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (config.apiKey() != null && !config.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + config.apiKey().strip());
        }
        HttpRequest built = request.build();
        Duration backoff = config.initialBackoff();
        for (int attempt = 0; ; attempt++) {
            boolean lastAttempt = attempt >= config.maxRetries();
            HttpResponse<InputStream> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (lastAttempt) {
                    throw unavailable("cannot reach the model at " + config.baseUrl() + ": " + describe(e), e);
                }
                log.warn("Model request failed ({}); retrying in {} ms", describe(e), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted while waiting for the model", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            String detail = errorDetail(response);
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || lastAttempt) {
                throw unavailable(refusal(status, detail), null);
            }
            Duration wait = retryAfter(response).orElse(backoff);
            log.warn("Model answered {} ({}); retrying in {} ms", status, detail, wait.toMillis());
            sleep(wait);
            backoff = backoff.multipliedBy(2);
        }
    }

    private static String refusal(int status, String detail) {
        String what = switch (status) {
            case 401, 403 -> "the model backend refused the API key";
            case 404 -> "the model or endpoint was not found";
            case 429 -> "the model backend is rate limiting requests";
            default -> status >= 500 ? "the model backend failed" : "the model backend rejected the request";
        };
        return what + " (HTTP " + status + (detail.isEmpty() ? "" : ": " + detail) + ")";
    }

    private String errorDetail(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] head = in.readNBytes(ERROR_BODY_LIMIT);
            String text = new String(head, StandardCharsets.UTF_8).strip();
            try {
                JsonNode message = json.readTree(text).path("error").path("message");
                if (message.isTextual()) {
                    return message.asText();
                }
            } catch (IOException notJson) {
                // fall through to the raw text
            }
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                Duration d = Duration.ofSeconds(Long.parseLong(value.strip()));
                return Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting to retry the model", e);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static DocChatException unavailable(String message, Throwable cause) {
        return new DocChatException(ErrorCode.MODEL_UNAVAILABLE, message, cause);
    }
}
