package io.docchat.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An {@link AnswerModel} over any OpenAI-compatible {@code /chat/completions} endpoint, streaming. The model is told
 * to answer only from the numbered passages and to cite them as {@code [n]}; those markers decide the citations.
 * Close it to stop its timer thread.
 */
public final class OpenAiAnswerModel implements AnswerModel, AutoCloseable {
    private final OpenAiConfig config;
    private final ChatCompletionsClient client;
    private final PromptBuilder prompts;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService watchdog;

    public OpenAiAnswerModel(OpenAiConfig config) {
        this(config, HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    public OpenAiAnswerModel(OpenAiConfig config, HttpClient http) {
        this.config = config;
        this.client = new ChatCompletionsClient(config, http, json);
        this.prompts = new PromptBuilder(config.historyCharBudget());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "docchat-openai-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public AnswerStream answer(AnswerPrompt prompt) {
        InputStream body = client.openStream(prompts.messages(prompt));
        CitationMarkerFilter markers = new CitationMarkerFilter(config.keepCitationMarkers(), prompt.passages().size());
        return new OpenAiAnswerStream(body, json, markers, prompt.passages(), watchdog, config.readTimeout());
    }

    public OpenAiConfig config() {
        return config;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
