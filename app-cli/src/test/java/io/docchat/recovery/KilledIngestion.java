package io.docchat.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an {@link IngestionChild} reported before it was killed with SIGKILL.
 *
 * @param submitted the documents the child submitted, by id
 * @param deleting  the documents whose deletion the child started, by id: those not also deleted may or may not exist
 * @param deleted   the documents whose deletion returned in the child, by id
 * @param completed documents the child saw processed before the kill
 */
record KilledIngestion(
        Map<Long, ReportedDocument> submitted,
        Map<Long, ReportedDocument> deleting,
        Map<Long, ReportedDocument> deleted,
        int completed) {

    /**
     * Runs a child on the directory and kills it, without warning, as soon as it reports
     * {@code completionsBeforeKill} processed documents: ingestion is then still running.
     */
    static KilledIngestion run(Path directory, Path logDirectory, int cycle, int documents,
            int completionsBeforeKill, long timeoutSeconds) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path errors = logDirectory.resolve("child-" + cycle + ".err");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IngestionChild.class.getName(), directory.toString(), Integer.toString(cycle),
                Integer.toString(documents))
                .redirectError(errors.toFile())
                .start();
        Map<Long, ReportedDocument> submitted = new ConcurrentHashMap<>();
        Map<Long, ReportedDocument> deleting = new ConcurrentHashMap<>();
        Map<Long, ReportedDocument> deleted = new ConcurrentHashMap<>();
        AtomicInteger completed = new AtomicInteger();
        AtomicBoolean idle = new AtomicBoolean();
        CountDownLatch killNow = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String[] parts = line.split(" ");
                    switch (parts[0]) {
                        case "submitted" -> {
                            ReportedDocument document = ReportedDocument.parse(parts);
                            submitted.put(document.id(), document);
                        }
                        case "deleting" -> {
                            ReportedDocument document = ReportedDocument.parse(parts);
                            deleting.put(document.id(), document);
                        }
                        case "deleted" -> {
                            ReportedDocument document = ReportedDocument.parse(parts);
                            deleted.put(document.id(), document);
                        }
                        case "completed" -> {
                            if (completed.incrementAndGet() >= completionsBeforeKill) {
                                killNow.countDown();
                            }
                        }
                        case "idle" -> {
                            idle.set(true);
                            killNow.countDown();
                        }
                        default -> {
                            // Anything else is the library's own logging.
                        }
                    }
                }
            } catch (IOException e) {
                // The pipe breaks when the child dies.
            }
            killNow.countDown();
        }, "child-" + cycle + "-reader");
        reader.start();
        boolean alive;
        try {
            boolean signalled = killNow.await(timeoutSeconds, TimeUnit.SECONDS);
            alive = child.isAlive();
            assertThat(signalled).as("child %d reported %d processed documents within %d s; its errors: %s",
                    cycle, completionsBeforeKill, timeoutSeconds, Files.readString(errors)).isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
        assertThat(alive).as("child %d was still running when killed; its errors: %s", cycle,
                Files.readString(errors)).isTrue();
        assertThat(idle).as("child %d was killed before it had processed everything", cycle).isFalse();
        return new KilledIngestion(Map.copyOf(submitted), Map.copyOf(deleting), Map.copyOf(deleted), completed.get());
    }
}
