package io.docchat.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiConfigTest {

    @Test
    void noBaseUrlMeansNoModel() {
        assertThat(OpenAiConfig.fromEnvironment(Map.of("DOCCHAT_LLM_MODEL", "qwen-plus"))).isEmpty();
    }

    @Test
    void readsEveryVariable() {
        OpenAiConfig c = OpenAiConfig.fromEnvironment(Map.of(
                "DOCCHAT_LLM_BASE_URL", "https://dashscope.aliyuncs.com/compatible-mode/v1/",
                "DOCCHAT_LLM_API_KEY", "sk-1",
                "DOCCHAT_LLM_MODEL", "qwen-plus",
                "DOCCHAT_LLM_TEMPERATURE", "0.7",
                "DOCCHAT_LLM_MAX_TOKENS", "512",
                "DOCCHAT_LLM_TIMEOUT_SECONDS", "90",
                "DOCCHAT_LLM_MAX_RETRIES", "4",
                "DOCCHAT_LLM_CITATION_MARKERS", "strip",
                "DOCCHAT_LLM_HISTORY_CHARS", "100")).orElseThrow();
        assertThat(c.chatCompletionsUri().toString())
                .isEqualTo("https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions");
        assertThat(c.apiKey()).isEqualTo("sk-1");
        assertThat(c.temperature()).isEqualTo(0.7);
        assertThat(c.maxTokens()).isEqualTo(512);
        assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.maxRetries()).isEqualTo(4);
        assertThat(c.keepCitationMarkers()).isFalse();
        assertThat(c.historyCharBudget()).isEqualTo(100);
    }

    @Test
    void wrongValuesNameTheVariable() {
        assertThatThrownBy(() -> OpenAiConfig.fromEnvironment(Map.of("DOCCHAT_LLM_BASE_URL", "http://x/v1")))
                .hasMessageContaining("DOCCHAT_LLM_MODEL");
        assertThatThrownBy(() -> OpenAiConfig.fromEnvironment(Map.of("DOCCHAT_LLM_BASE_URL", "http://x/v1",
                "DOCCHAT_LLM_MODEL", "m", "DOCCHAT_LLM_MAX_TOKENS", "lots"))).hasMessageContaining("DOCCHAT_LLM_MAX_TOKENS");
        assertThatThrownBy(() -> OpenAiConfig.fromEnvironment(Map.of("DOCCHAT_LLM_BASE_URL", "http://x/v1",
                "DOCCHAT_LLM_MODEL", "m", "DOCCHAT_LLM_TEMPERATURE", "5"))).hasMessageContaining("temperature");
    }
}
