package io.docchat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs JSON to an OpenAI-compatible endpoint, retrying connection failures, 429 and 5xx with exponential backoff (a
 * {@code Retry-After} header wins, up to 30 s), and turns a refusal into a {@link DocChatException} that says what went
 * wrong in the backend's own words.
 */
final class RetryingPoster {
    private static final Logger log = LoggerFactory.getLogger(RetryingPoster.class);
    private static final int ERROR_BODY_LIMIT = 4_096;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI baseUrl;
    private final String apiKey;
    private final Duration readTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;

    RetryingPoster(HttpClient http, ObjectMapper json, URI baseUrl, String apiKey, Duration readTimeout,
            int maxRetries, Duration initialBackoff) {
        this.http = http;
        this.json = json;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.readTimeout = readTimeout;
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
    }

    /** Sends {@code body}; returns the response once the backend answered 2xx. */
    HttpResponse<InputStream> post(URI uri, ObjectNode body, String accept) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new DocChatException(ErrorCode.INTERNAL, "cannot encode the model request", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey.strip());
        }
        HttpRequest built = request.build();
        Duration backoff = initialBackoff;
        for (int attempt = 0; ; attempt++) {
            boolean lastAttempt = attempt >= maxRetries;
            HttpResponse<InputStream> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (lastAttempt) {
                    throw unavailable("cannot reach the model at " + baseUrl + ": " + describe(e), e);
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
