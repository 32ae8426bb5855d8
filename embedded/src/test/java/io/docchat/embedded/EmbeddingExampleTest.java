package io.docchat.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.api.AccountView;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.model.Account;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding example is real code: the block under "Embedding docchat" is the body of
 * {@link #example(Path, byte[])} character for character, it compiles here, and it works.
 */
class EmbeddingExampleTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path THIS_SOURCE = Path.of("src", "test", "java", "io", "docchat", "embedded",
            "EmbeddingExampleTest.java");

    @TempDir
    Path home;

    @SuppressWarnings("unused")
    private static void example(Path home, byte[] bytes) {
        // example:begin
        try (DocChat docChat = DocChat.builder().install(EmbeddedStack.open(home)).build()) {
            AccountView me = docChat.account(Account.LOCAL);
            Folder manuals = me.folders().ensurePath("manuals");
            Document doc = me.documents().submit(manuals.id(), "pump.txt", bytes);
            me.documents().awaitProcessed(doc.id(), Duration.ofMinutes(1));
            Session session = me.sessions().create(manuals.id(), "pumps", null);
            ChatItem answer = me.chat().ask(new ChatRequest(session.id(), "How do I prime the pump?"));
        }
        // example:end
    }

    @Test
    void theReadmeShowsExactlyTheCompiledExample() throws IOException {
        String source = Files.readString(THIS_SOURCE, StandardCharsets.UTF_8);
        Matcher compiled = Pattern.compile("// example:begin\\n(.*?)\\n\\s*// example:end", Pattern.DOTALL)
                .matcher(source);
        assertThat(compiled.find()).isTrue();
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher shown = Pattern.compile("## Embedding docchat.*?```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
        assertThat(shown.find()).as("a java block under 'Embedding docchat' in README.md").isTrue();

        assertThat(shown.group(1)).isEqualTo(unindent(compiled.group(1)));
    }

    @Test
    void theExampleStoresAnAnsweredQuestionThatOutlivesTheProcess() {
        byte[] manual = ("Prime the pump before first use by filling the housing with water.\n"
                + "Replace the mechanical seal every two thousand hours.\n").getBytes(StandardCharsets.UTF_8);

        example(home, manual);

        try (DocChat reopened = DocChat.builder().install(EmbeddedStack.open(home)).build()) {
            List<Session> sessions = reopened.sessions().list(Account.LOCAL, null, null, new PageRequest(1, 10)).items();
            assertThat(sessions).extracting(Session::name).containsExactly("pumps");
            List<ChatItem> history = reopened.chat().history(Account.LOCAL, sessions.get(0).id(),
                    new PageRequest(1, 10)).items();
            assertThat(history).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(ChatStatus.COMPLETED);
                assertThat(item.answer()).containsIgnoringCase("filling the housing with water");
                assertThat(item.citations()).extracting(c -> c.documentName()).containsExactly("pump.txt");
            });
        }
        assertThat(home.resolve("docchat.db")).exists();
        assertThat(home.resolve("index")).isDirectory();
    }

    /** Removes the indentation the method body adds, so the block reads as top-level code. */
    private static String unindent(String body) {
        String[] lines = body.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(lines[i].length() >= indent ? lines[i].substring(indent) : lines[i].strip());
        }
        return out.toString();
    }
}
