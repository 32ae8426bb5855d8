package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code docchat} launcher over the shaded jar, in a checkout of its own (the launcher and a link to the jar), so
 * that its class-data sharing archive can be damaged without touching the build's: a truncated archive (on which
 * the JVM itself would crash) or one damaged in place never breaks a command nor adds to its output, and the
 * launcher makes a good one again.
 */
class LauncherIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "How is the centrifugal pump primed?";

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {}

    private Run launch(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString(),
                "--home", temp.resolve("home").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(
                        Files.createFile(temp.resolve("in-" + System.nanoTime())).toFile()));
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().remove("DOCCHAT_CDS");
        builder.environment().remove("DOCCHAT_CACHE_DIR");
        // The models' cache of this test, not the user's.
        builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("docchat finished").isTrue();
        return new Run(process.exitValue(),
                Files.readString(temp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(temp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aDamagedArchiveNeverBreaksACommandAndIsMadeAgain() throws Exception {
        String jarProperty = System.getProperty("docchat.shadedJar");
        String launcherProperty = System.getProperty("docchat.launcher");
        assumeTrue(jarProperty != null && Files.isRegularFile(Path.of(jarProperty))
                        && launcherProperty != null && Files.isRegularFile(Path.of(launcherProperty)),
                "the shaded jar is built in the package phase; run with: ./mvnw verify (skipped: " + jarProperty + ")");
        Path checkout = temp.resolve("checkout");
        Path target = Files.createDirectories(checkout.resolve("app-cli").resolve("target"));
        Path jar = Files.createSymbolicLink(target.resolve(Path.of(jarProperty).getFileName()),
                Path.of(jarProperty).toAbsolutePath());
        Path launcher = Files.copy(Path.of(launcherProperty), checkout.resolve("docchat"));
        Path archive = target.resolve(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
        Path recordedSize = archive.resolveSibling(archive.getFileName() + ".size");
        Path manuals = Fixtures.manuals(temp.resolve("manuals"));

        Run ingest = launch(launcher, "ingest", manuals.toString(), "--folder", "manuals");
        assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isEqualTo(ExitCodes.PARTIAL_FAILURE);
        assertThat(ingest.out()).contains("Ingested 3 of 4 files");
        assertThat(archive).as("made on first use").isRegularFile();
        long goodSize = Files.size(archive);
        assertThat(Files.readString(recordedSize).strip()).isEqualTo(Long.toString(goodSize));

        Run intact = launch(launcher, "ask", "--json", "--folder", "manuals", QUESTION);
        assertThat(intact.exitCode()).as(intact.err()).isZero();
        String answer = JSON.readTree(intact.out()).path("item").path("answer").asText();
        assertThat(answer).containsIgnoringCase("primed");
        String cleanErr = intact.err();

        truncate(archive, goodSize / 2);
        Run truncated = launch(launcher, "ask", "--json", "--folder", "manuals", QUESTION);
        assertThat(truncated.exitCode()).as(truncated.err()).isZero();
        assertAnswered(truncated, answer);
        assertThat(truncated.err()).doesNotContain("fatal error").doesNotContain("cds");
        assertThat(Files.size(archive)).as("made again").isGreaterThan(goodSize / 2);
        assertThat(Files.readString(recordedSize).strip()).isEqualTo(Long.toString(Files.size(archive)));

        damageInPlace(archive);
        Run damaged = launch(launcher, "ask", "--json", "--folder", "manuals", QUESTION);
        assertThat(damaged.exitCode()).as(damaged.err()).isZero();
        assertAnswered(damaged, answer);
        assertThat(damaged.err()).as("nothing beyond what an intact archive prints").isEqualTo(cleanErr);

        // The first question saved the English model's optimised graph; a damaged one gives the same answer and is
        // made again.
        Path graph;
        try (var files = Files.list(temp.resolve("cache").resolve("docchat"))) {
            graph = files.filter(file -> file.getFileName().toString().startsWith("bge-small-en-v1.5-q.")
                    && file.getFileName().toString().endsWith(".onnx")).findFirst().orElseThrow();
        }
        byte[] graphBytes = Files.readAllBytes(graph);
        damageInPlace(graph);
        assertThat(Arrays.equals(Files.readAllBytes(graph), graphBytes)).isFalse();
        Run damagedGraph = launch(launcher, "ask", "--json", "--folder", "manuals", QUESTION);
        assertThat(damagedGraph.exitCode()).as(damagedGraph.err()).isZero();
        assertAnswered(damagedGraph, answer);
        assertThat(Arrays.equals(Files.readAllBytes(graph), graphBytes)).as("made again").isTrue();

        Run without = launch(launcher, "--version");
        assertThat(without.exitCode()).isZero();
        assertThat(without.out()).startsWith("docchat ");
    }

    private static void assertAnswered(Run run, String answer) throws IOException {
        JsonNode item = JSON.readTree(run.out()).path("item");
        assertThat(item.path("answer").asText()).isEqualTo(answer);
        assertThat(item.path("citations").get(0).path("documentName").asText()).isEqualTo("pump-manual.pdf");
    }

    private static void truncate(Path file, long size) throws IOException {
        file.toFile().setWritable(true);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    /** Overwrites bytes in the middle, keeping the size, so only the JVM's own check can tell. */
    private static void damageInPlace(Path file) throws IOException {
        file.toFile().setWritable(true);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            raf.write("not a class-data sharing archive".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
