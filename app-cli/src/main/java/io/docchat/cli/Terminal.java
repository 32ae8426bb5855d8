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

    /**
     * The text with every control character (C0, DEL, C1) and bidirectional formatting character written as visible text
     * such as <code>&#92;u{001B}</code>: stored names and questions reach the operator's terminal, where the first would act as
     * commands (retitle, clear, move the cursor) and the second would reorder what is read. Everything else is kept.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean hidden = Character.isISOControl(codePoint) || codePoint == 0x061C || codePoint == 0x200E
                    || codePoint == 0x200F || (codePoint >= 0x202A && codePoint <= 0x202E)
                    || (codePoint >= 0x2066 && codePoint <= 0x2069);
            if (hidden && safe == null) {
                safe = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (safe != null) {
                if (hidden) {
                    safe.append(String.format("\\u{%04X}", codePoint));
                } else {
                    safe.appendCodePoint(codePoint);
                }
            }
            i += Character.charCount(codePoint);
        }
        return safe == null ? text : safe.toString();
    }

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
