package io.docchat.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.DocChatException;
import io.docchat.core.model.ChatItem;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.port.PromptPassage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a streamed chat completion: server-sent events whose data lines hold chunks with
 * {@code choices[0].delta.content}, then {@code finish_reason}, optionally {@code usage}, and a final {@code [DONE]}.
 * A watchdog closes the connection when the backend stays silent longer than the read timeout; {@link #close()}
 * closes it at once.
 */
final class OpenAiAnswerStream implements AnswerStream {
    private static final Logger log = LoggerFactory.getLogger(OpenAiAnswerStream.class);

    private final InputStream body;
    private final BufferedReader reader;
    private final ObjectMapper json;
    private final CitationMarkerFilter markers;
    private final List<PromptPassage> passages;
    private final ScheduledExecutorService watchdog;
    private final Duration readTimeout;
    private final StringBuilder answer = new StringBuilder();
    private volatile boolean closedByCaller;
    private volatile boolean timedOut;
    private boolean finished;
    private String finishReason;
    private TokenUsage usage;

    OpenAiAnswerStream(InputStream body, ObjectMapper json, CitationMarkerFilter markers, List<PromptPassage> passages,
            ScheduledExecutorService watchdog, Duration readTimeout) {
        this.body = body;
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.json = json;
        this.markers = markers;
        this.passages = passages;
        this.watchdog = watchdog;
        this.readTimeout = readTimeout;
    }

    @Override
    public String nextDelta() {
        while (!finished) {
            String data;
            try {
                data = nextEventData();
            } catch (IOException e) {
                if (closedByCaller) {
                    finished = true;
                    return null;
                }
                closeQuietly();
                throw ChatCompletionsClient.unavailable(timedOut
                        ? "the model sent nothing for " + readTimeout.toSeconds() + " s"
                        : "the connection to the model was lost: " + e.getMessage(), e);
            }
            if (data == null) {
                return endOfStream();
            }
            if (data.equals("[DONE]")) {
                return finish();
            }
            String text = handleChunk(data);
            if (text != null && !text.isEmpty()) {
                answer.append(text);
                return text;
            }
        }
        return null;
    }

    private String endOfStream() {
        if (closedByCaller || finishReason != null) {
            return finish();
        }
        closeQuietly();
        throw ChatCompletionsClient.unavailable("the model's stream ended before the answer was complete", null);
    }

    private String finish() {
        finished = true;
        closeQuietly();
        String rest = markers.flush();
        if (rest.isEmpty()) {
            return null;
        }
        answer.append(rest);
        return rest;
    }

    /** The data of the next event (data lines joined by newlines), or null at the end of the stream. */
    private String nextEventData() throws IOException {
        StringBuilder data = null;
        while (true) {
            String line = readLineWithTimeout();
            if (line == null) {
                return data == null ? null : data.toString();
            }
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
                continue;
            }
            if (line.startsWith("data:")) {
                String value = line.substring(5);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            // comments (": ...") and other fields (event:, id:, retry:) carry nothing we need
        }
    }

    private String readLineWithTimeout() throws IOException {
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            timedOut = true;
            closeQuietly();
        }, readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return reader.readLine();
        } finally {
            alarm.cancel(false);
        }
    }

    /** Visible text of one chunk (may be empty); notes finish reason, usage and errors. */
    private String handleChunk(String data) {
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (IOException e) {
            log.warn("Skipping a malformed chunk from the model: {}", abbreviate(data));
            return null;
        }
        if (chunk == null || !chunk.isObject()) {
            log.warn("Skipping a chunk that is not a JSON object: {}", abbreviate(data));
            return null;
        }
        JsonNode error = chunk.get("error");
        if (error != null && !error.isNull()) {
            closeQuietly();
            String message = error.path("message").asText(error.toString());
            throw ChatCompletionsClient.unavailable("the model failed while answering: " + message, null);
        }
        JsonNode usageNode = chunk.get("usage");
        if (usageNode != null && usageNode.isObject()) {
            usage = new TokenUsage(usageNode.path("prompt_tokens").asInt(), usageNode.path("completion_tokens").asInt(),
                    usageNode.path("total_tokens").asInt());
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode reason = choice.get("finish_reason");
        if (reason != null && reason.isTextual()) {
            finishReason = reason.asText();
        }
        JsonNode content = choice.path("delta").get("content");
        if (content == null || !content.isTextual()) {
            return null;
        }
        return markers.accept(content.asText());
    }

    @Override
    public List<CitedSpan> citations() {
        if (answer.toString().strip().equals(ChatItem.NO_RELATED_CONTENT)) {
            return List.of();
        }
        List<CitedSpan> spans = new ArrayList<>();
        for (int n : markers.citedPassages()) {
            PromptPassage p = passages.get(n - 1);
            spans.add(new CitedSpan(n, 0, p.passage().text().length()));
        }
        return spans;
    }

    /** Why the backend stopped ({@code stop}, {@code length}, …), or null before it said. */
    String finishReason() {
        return finishReason;
    }

    /** Token usage, when the backend reported it. */
    TokenUsage usage() {
        return usage;
    }

    @Override
    public void close() {
        closedByCaller = true;
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            body.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the model stream failed", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
