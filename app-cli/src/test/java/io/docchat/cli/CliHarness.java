package io.docchat.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs docchat commands in-process on one data directory, capturing what they print. */
final class CliHarness {

    /** What one command did. */
    record Result(int exitCode, String out, String err) {}

    private final Path home;
    private final Map<String, String> variables;
    private Interrupts interrupts = Interrupts.none();
    private volatile StringWriter liveOut = new StringWriter();

    CliHarness(Path home) {
        this(home, Map.of());
    }

    CliHarness(Path home, Map<String, String> variables) {
        this.home = home;
        this.variables = variables;
    }

    /** Ctrl-C as the next commands will see it. */
    CliHarness interrupts(Interrupts interrupts) {
        this.interrupts = interrupts;
        return this;
    }

    /** What the command running now (or last) has printed so far. */
    String outSoFar() {
        return liveOut.toString();
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        liveOut = out;
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), false, false);
        CliEnvironment environment = new CliEnvironment(
                variables,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                terminal,
                interrupts,
                home.resolve("user-home"));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.resolve("data").toString());
        String[] arguments = all.toArray(String[]::new);
        // As the process does: only the subcommand the arguments name is built.
        int code = DocChatCli.commandLine(environment, Backends::open, arguments).execute(arguments);
        return new Result(code, out.toString(), err.toString());
    }
}
