package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The console's files come from the classpath folder only, whatever the path tries. */
class ConsoleAssetsTest {

    @Test
    void theRootIsTheConsolePage() {
        ConsoleAssets.Asset index = ConsoleAssets.find("/").orElseThrow();
        assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
        String html = new String(index.bytes(), StandardCharsets.UTF_8);
        assertThat(html).contains("<html").contains("/console/app.js");
        assertThat(ConsoleAssets.find("/console/").orElseThrow().bytes()).isEqualTo(index.bytes());
    }

    @Test
    void scriptsAndStylesHaveTheirTypes() {
        assertThat(ConsoleAssets.find("/console/app.js").orElseThrow().contentType())
                .isEqualTo("text/javascript; charset=utf-8");
        assertThat(ConsoleAssets.find("/console/console.css").orElseThrow().contentType())
                .isEqualTo("text/css; charset=utf-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/console/../ConsoleAssets.class", "/console/..", "/console/../../io/docchat/http/ApiHandler.class",
        "/console/%2e%2e/ApiHandler.class", "/console//app.js", "/console/.hidden.js", "/console/a\\..\\b.js",
        "/console/app.js/", "/console/missing.js", "/console/app", "/app.js", "/console/ConsoleAssets.class",
        "/console/./app.js", "", "/consoleapp.js"})
    void refusesWhatIsNotAPlainConsoleFile(String path) {
        assertThat(ConsoleAssets.find(path)).as(path).isEmpty();
    }

    @Test
    void refusesNothingAtAll() {
        assertThat(ConsoleAssets.find(null)).isEmpty();
    }
}
