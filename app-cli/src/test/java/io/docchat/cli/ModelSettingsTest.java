package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSettingsTest {
    @TempDir
    Path temp;

    private CliEnvironment environment(Map<String, String> variables) {
        Terminal terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, false);
        return new CliEnvironment(variables, new ByteArrayInputStream(new byte[0]), terminal, Interrupts.none(), temp);
    }

    @Test
    void environmentOverridesTheFileAndFlagsOverrideBoth() throws Exception {
        Path config = temp.resolve("config.properties");
        Files.writeString(config, "llm.baseUrl=http://file:1/v1\nllm.model=file-model\nllm.apiKey=file-key\nllm.maxTokens=77\n");
        CliEnvironment env = environment(Map.of("DOCCHAT_LLM_MODEL", "env-model", "DOCCHAT_LLM_API_KEY", "env-key"));

        ModelSettings settings = ModelSettings.resolve(config, env, null, "flag-key", null);

        assertThat(settings.baseUrl()).isEqualTo("http://file:1/v1");
        assertThat(settings.model()).isEqualTo("env-model");
        assertThat(settings.variables()).containsEntry(ModelSettings.API_KEY, "flag-key")
                .containsEntry("DOCCHAT_LLM_MAX_TOKENS", "77");
        assertThat(settings.describe()).contains("env-model").doesNotContain("key");
    }

    @Test
    void followUpRewritingIsOffUnlessAskedForAndNeedsARemoteModel() throws Exception {
        Path config = temp.resolve("config.properties");
        Files.writeString(config, "llm.baseUrl=http://file:1/v1\nllm.model=m\n");
        assertThat(ModelSettings.resolve(config, environment(Map.of()), null, null, null).rewritesFollowUps()).isFalse();
        assertThat(ModelSettings.resolve(config, environment(Map.of("DOCCHAT_LLM_REWRITE_FOLLOW_UPS", "TRUE")),
                null, null, null).rewritesFollowUps()).isTrue();
        Files.writeString(config, "llm.rewriteFollowUps=true\n");
        assertThat(ModelSettings.resolve(config, environment(Map.of()), null, null, null).rewritesFollowUps())
                .as("without a model there is nothing to rewrite with").isFalse();
        assertThatThrownBy(() -> ModelSettings.resolve(config, environment(Map.of("DOCCHAT_LLM_REWRITE_FOLLOW_UPS",
                "sometimes")), null, null, null).rewritesFollowUps()).hasMessageContaining("true or false");
    }

    @Test
    void theRefusalThresholdComesFromTheFileOrTheEnvironmentAndMustBeAShare() throws Exception {
        Path config = temp.resolve("config.properties");
        assertThat(ModelSettings.resolve(config, environment(Map.of()), null, null, null).refusalThreshold()).isNaN();
        Files.writeString(config, "answer.refusalThreshold=0.3\n");
        assertThat(ModelSettings.resolve(config, environment(Map.of()), null, null, null).refusalThreshold())
                .isEqualTo(0.3);
        assertThat(ModelSettings.resolve(config, environment(Map.of("DOCCHAT_ANSWER_REFUSAL_THRESHOLD", "0.6")),
                null, null, null).refusalThreshold()).isEqualTo(0.6);
        assertThatThrownBy(() -> ModelSettings.resolve(config, environment(Map.of("DOCCHAT_ANSWER_REFUSAL_THRESHOLD",
                "1.5")), null, null, null).refusalThreshold()).hasMessageContaining("from 0 to 1");
    }

    @Test
    void nothingConfiguredMeansTheExtractiveModel() {
        ModelSettings settings = ModelSettings.resolve(temp.resolve("absent.properties"), environment(Map.of()), null, null, null);
        assertThat(settings.usesRemoteModel()).isFalse();
        assertThat(settings.describe()).startsWith("extractive");
    }

    @Test
    void theUserHomeIsTheHomeVariableWhenSet() {
        assertThat(CliEnvironment.userHome(Map.of("HOME", "/home/ada"))).isEqualTo(Path.of("/home/ada"));
        assertThat(CliEnvironment.userHome(Map.of())).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void dataHomeComesFromTheFlagThenTheVariableThenTheUserHome() {
        assertThat(DataHome.resolve(temp.resolve("flag"), environment(Map.of("DOCCHAT_HOME", "/x"))).root())
                .isEqualTo(temp.resolve("flag"));
        assertThat(DataHome.resolve(null, environment(Map.of("DOCCHAT_HOME", temp.resolve("var").toString()))).root())
                .isEqualTo(temp.resolve("var"));
        assertThat(DataHome.resolve(null, environment(Map.of())).root()).isEqualTo(temp.resolve(".docchat"));
    }

    @Test
    void theCacheIsInTheUsersCacheDirectoryUnlessSetOrOff() throws Exception {
        Path absent = temp.resolve("absent.properties");
        assertThat(ModelSettings.resolve(absent, environment(Map.of()), null, null, null).cacheDirectory())
                .contains(temp.resolve(".cache/docchat"));
        assertThat(ModelSettings.resolve(absent, environment(Map.of("XDG_CACHE_HOME", "/var/cache/ada")),
                null, null, null).cacheDirectory()).contains(Path.of("/var/cache/ada/docchat"));
        // The specification ignores a relative XDG_CACHE_HOME.
        assertThat(ModelSettings.resolve(absent, environment(Map.of("XDG_CACHE_HOME", "relative")),
                null, null, null).cacheDirectory()).contains(temp.resolve(".cache/docchat"));
        assertThat(ModelSettings.resolve(absent, environment(Map.of("DOCCHAT_CACHE_DIR", "/srv/models")),
                null, null, null).cacheDirectory()).contains(Path.of("/srv/models"));
        assertThat(ModelSettings.resolve(absent, environment(Map.of("DOCCHAT_CACHE_DIR", "OFF")),
                null, null, null).cacheDirectory()).isEmpty();
        Path config = Files.writeString(temp.resolve("config.properties"), "cache.dir=off\n");
        assertThat(ModelSettings.resolve(config, environment(Map.of()), null, null, null).cacheDirectory()).isEmpty();
    }
}
