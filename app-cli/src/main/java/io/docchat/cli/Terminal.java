package io.docchat.cli;

import java.io.PrintWriter;

/**
 * Where commands write: results to {@link #out()}, progress and diagnostics to {@link #err()}. Colours and progress
 * bars are used only on an interactive terminal, so that piped output stays plain and parseable.
 */
public final class Terminal {
    private static final String RESET = "\u001B[0m";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private final boolean colours;

    public Terminal(PrintWriter out, PrintWriter err, boolean interactive, boolean colours) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.colours = colours && interactive;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** True on a terminal a person is watching: progress bars and prompts make sense. */
    public boolean interactive() {
        return interactive;
    }

    public String bold(String text) {
        return paint("1", text);
    }

    public String dim(String text) {
        return paint("2", text);
    }

    public String green(String text) {
        return paint("32", text);
    }

    public String red(String text) {
        return paint("31", text);
    }

    public String yellow(String text) {
        return paint("33", text);
    }

    public String cyan(String text) {
        return paint("36", text);
    }

    private String paint(String code, String text) {
        return colours ? "\u001B[" + code + "m" + text + RESET : text;
    }
}
