package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.cli.commands.AskCommand;
import io.docchat.cli.commands.KeysCommand;
import io.docchat.cli.commands.SessionsCommand;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class DocChatCliTest {

    static Stream<Arguments> arguments() {
        return Stream.of(
                Arguments.of(new String[] {"ask", "What?"}, AskCommand.class),
                Arguments.of(new String[] {"--home", "/data", "ask", "What?"}, AskCommand.class),
                // An option's value that happens to be a command's name is still the option's value.
                Arguments.of(new String[] {"--home", "ask", "sessions"}, SessionsCommand.class),
                Arguments.of(new String[] {"--home=ask", "ask", "What?"}, AskCommand.class),
                Arguments.of(new String[] {"-v", "--retrieval", "lexical", "keys", "list"}, KeysCommand.class),
                Arguments.of(new String[] {"ask", "--help"}, AskCommand.class),
                Arguments.of(new String[] {}, null),
                Arguments.of(new String[] {"--help", "ask"}, null),
                Arguments.of(new String[] {"-V"}, null),
                Arguments.of(new String[] {"help", "ask"}, null),
                Arguments.of(new String[] {"no-such-command"}, null),
                Arguments.of(new String[] {"--no-such-option", "ask"}, null),
                Arguments.of(new String[] {"--home"}, null));
    }

    @ParameterizedTest
    @MethodSource("arguments")
    void onlyTheNamedSubcommandIsBuilt(String[] args, Class<?> named) {
        CommandLine commandLine = DocChatCli.commandLine(environment(), Backends::open, args);

        assertThat(DocChatCli.namedSubcommand(commandLine, args)).isEqualTo(Optional.ofNullable(named));
        if (named == null) {
            assertThat(commandLine.getSubcommands().keySet())
                    .containsExactlyElementsOf(DocChatCli.commandLine(environment(), Backends::open)
                            .getSubcommands().keySet())
                    .contains("ask", "help", "keys", "serve");
        } else {
            assertThat(commandLine.getSubcommands().values())
                    .singleElement()
                    .extracting(CommandLine::getCommand)
                    .isInstanceOf(named);
        }
    }

    private static CliEnvironment environment() {
        Terminal terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                false, false);
        return new CliEnvironment(Map.of(), new ByteArrayInputStream(new byte[0]), terminal, scope -> () -> {},
                Path.of("/nonexistent-user-home"));
    }
}
