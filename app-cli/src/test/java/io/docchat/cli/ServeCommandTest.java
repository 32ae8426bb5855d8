package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docchat serve} over real loopback HTTP, stopped by a Ctrl-C delivered through {@link Interrupts}. */
class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("serving on (http://\\S+)");

    @TempDir
    Path temp;

    @Test
    void servesTheApiUntilCtrlCThenReleasesThePort() throws Exception {
        AtomicReference<Runnable> ctrlC = new AtomicReference<>();
        CliHarness cli = new CliHarness(temp).interrupts(onInterrupt -> {
            ctrlC.set(onInterrupt);
            return () -> { };
        });
        CompletableFuture<CliHarness.Result> serving = CompletableFuture.supplyAsync(() -> cli.run("serve", "--port", "0"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!cli.outSoFar().contains("Press Ctrl-C") && !serving.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(serving).as("serve must keep running until Ctrl-C").isNotDone();
        String printed = cli.outSoFar();
        assertThat(printed).contains("local mode").contains("docchat keys create");
        Matcher url = URL.matcher(printed);
        assertThat(url.find()).as(printed).isTrue();
        URI base = URI.create(url.group(1));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        HttpResponse<String> folders = http.send(HttpRequest.newBuilder(base.resolve("/api/v2/aidoc/document/chat/folder/list"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(folders.statusCode()).as(folders.body()).isEqualTo(200);

        ctrlC.get().run();
        CliHarness.Result result = serving.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("Stopped.");
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }
}
