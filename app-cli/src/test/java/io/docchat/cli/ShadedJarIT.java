package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it: a separate JVM with only the jar on its class path. Catches what in-process tests
 * cannot, such as service files lost in merging (Lucene's codecs) or a missing main class.
 */
class ShadedJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {}

    private Run docchat(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--home", temp.resolve("home").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Files.createFile(temp.resolve("in-" + System.nanoTime())).toFile()));
        // The models' cache of this test, not the user's.
        builder.environment().remove("DOCCHAT_CACHE_DIR");
        builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("docchat finished").isTrue();
        return new Run(process.exitValue(),
                Files.readString(temp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(temp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void theJarIngestsAPdfAndAnswersWithCitations() throws Exception {
        String property = System.getProperty("docchat.shadedJar");
        assumeTrue(property != null && Files.isRegularFile(Path.of(property)),
                "the shaded jar is built in the package phase; run with: ./mvnw verify (skipped: " + property + ")");
        Path jar = Path.of(property);
        Path manuals = Fixtures.manuals(temp.resolve("manuals"));

        Run ingest = docchat(jar, "ingest", manuals.toString(), "--folder", "manuals");
        assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isEqualTo(ExitCodes.PARTIAL_FAILURE);
        assertThat(ingest.out()).contains("Ingested 3 of 4 files").contains("broken.pdf");
        // The bundled models embed the parsed passages before ingest returns, and it says so.
        assertThat(ingest.out()).containsPattern("Embedded \\d+ passages \\(searchable by meaning too\\)");
        // Library logs stay off the console unless they are warnings.
        assertThat(ingest.err()).doesNotContain("DEBUG").doesNotContain("INFO");

        Run ask = docchat(jar, "ask", "--json", "--folder", "manuals", "How is the centrifugal pump primed?");
        assertThat(ask.exitCode()).as(ask.err()).isZero();
        JsonNode item = JSON.readTree(ask.out()).path("item");
        assertThat(item.path("answer").asText()).containsIgnoringCase("primed");
        assertThat(item.path("citations").get(0).path("documentName").asText()).isEqualTo("pump-manual.pdf");
        assertThat(item.path("citations").get(0).path("pages").get(0).path("page").asInt()).isEqualTo(2);

        Run missing = docchat(jar, "ask", "--folder", "nowhere", "anything?");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.err().strip().lines().count()).as(missing.err()).isEqualTo(1);
    }
}
