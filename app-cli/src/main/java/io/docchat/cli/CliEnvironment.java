package io.docchat.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the process: environment variables, standard input, the terminal, Ctrl-C and the
 * user's home. Tests build their own; {@link #system()} is the real one.
 */
public record CliEnvironment(
        Map<String, String> variables, InputStream stdin, Terminal terminal, Interrupts interrupts, Path userHome) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(interrupts, "interrupts");
        Objects.requireNonNull(userHome, "userHome");
    }

    /** The process's own environment; colours only on a console and when NO_COLOR is not set. */
    public static CliEnvironment system() {
        Map<String, String> variables = System.getenv();
        boolean interactive = System.console() != null;
        boolean colours = interactive && !variables.containsKey("NO_COLOR");
        Terminal terminal = new Terminal(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                interactive,
                colours);
        return new CliEnvironment(variables, System.in, terminal, new SignalInterrupts(), userHome(variables));
    }

    /**
     * {@code $HOME} when set, as every Unix tool reads it; Java's {@code user.home} comes from the password database
     * and ignores it.
     */
    static Path userHome(Map<String, String> variables) {
        String home = variables.get("HOME");
        return home == null || home.isBlank() ? Path.of(System.getProperty("user.home")) : Path.of(home);
    }

    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
