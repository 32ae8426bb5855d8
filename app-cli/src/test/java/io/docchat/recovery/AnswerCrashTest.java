package io.docchat.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Account;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.PageRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers in progress survive a crash: a process answering three questions (two streams and a blocking ask) is killed
 * with SIGKILL, and after a restart on the same directory all three are in the session's history, in the order asked,
 * {@code INTERRUPTED}, with the part of the answer that was saved.
 */
class AnswerCrashTest {

    @TempDir
    Path temporary;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void answersInProgressAreInTheHistoryAfterAKill() throws Exception {
        Path data = temporary.resolve("data");
        Path errors = temporary.resolve("child.err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AnsweringChild.class.getName(), data.toString())
                .redirectError(errors.toFile())
                .start();
        String sessionId;
        try {
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("ready ")) {
                            return line.substring("ready ".length()).strip();
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            sessionId = ready.get(90, TimeUnit.SECONDS);
            assertThat(sessionId).as("the child's report; its errors: %s", Files.readString(errors)).isNotNull();
            assertThat(child.isAlive()).as("the child was answering when killed").isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        String marker = TestCorpus.marker(22, 0);
        try (RecoveryStack stack = RecoveryStack.open(data)) {
            List<ChatItem> history = stack.docChat().chat()
                    .history(Account.LOCAL, sessionId, PageRequest.first(10)).items();
            assertThat(history).extracting(ChatItem::question).containsExactly(
                    AnsweringChild.question(1, marker), AnsweringChild.question(2, marker),
                    AnsweringChild.question(3, marker));
            String wholeText = AnsweringChild.endlessText(100_000);
            for (ChatItem item : history) {
                assertThat(item.status()).as("status of %s", item.question()).isEqualTo(ChatStatus.INTERRUPTED);
                assertThat(item.answer()).as("partial answer of %s", item.question()).isNotEmpty();
                assertThat(wholeText).startsWith(item.answer());
            }
        }
    }
}
