package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.documents.OcrSettings;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrConfigurationTest {
    @TempDir
    Path temp;

    private CliEnvironment environment(Map<String, String> variables) {
        Terminal terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, false);
        return new CliEnvironment(variables, new ByteArrayInputStream(new byte[0]), terminal, Interrupts.none(), temp);
    }

    @Test
    void theFileSetsOcrAndTheEnvironmentOverridesIt() throws Exception {
        Path config = temp.resolve("config.properties");
        Files.writeString(config, "ocr.languages=chi_tra+eng\nocr.maxPages=7\nocr.timeoutSeconds=900\n"
                + "ocr.dpi=200\nocr.lowConfidence=40\nocr.pageTimeoutSeconds=20\nocr.command=/opt/tesseract\nocr.threads=3\n");

        OcrSettings settings = OcrConfiguration.resolve(config,
                environment(Map.of("DOCCHAT_OCR_MAX_PAGES", "3", "DOCCHAT_OCR_ENABLED", "false")));

        assertThat(settings).isEqualTo(new OcrSettings(false, "chi_tra+eng", 200, 3, Duration.ofSeconds(900),
                Duration.ofSeconds(20), 40, "/opt/tesseract", 3));
    }

    @Test
    void withoutSettingsTheDefaultsApply() {
        assertThat(OcrConfiguration.resolve(temp.resolve("absent.properties"), environment(Map.of())))
                .isEqualTo(OcrSettings.defaults());
    }

    @Test
    void aBadValueIsAUsageErrorNamingTheSetting() {
        assertThatThrownBy(() -> OcrConfiguration.resolve(temp.resolve("absent.properties"),
                environment(Map.of("DOCCHAT_OCR_DPI", "lots"))))
                .isInstanceOf(CliException.class).hasMessageContaining("ocr.dpi").hasMessageContaining("lots");
        assertThatThrownBy(() -> OcrConfiguration.resolve(temp.resolve("absent.properties"),
                environment(Map.of("DOCCHAT_OCR_LANGUAGES", "eng chi"))))
                .isInstanceOf(CliException.class).hasMessageContaining("eng+chi_sim");
    }
}
