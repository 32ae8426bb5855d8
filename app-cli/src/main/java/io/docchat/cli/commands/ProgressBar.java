package io.docchat.cli.commands;

import io.docchat.cli.Terminal;
import java.util.Locale;

/** A one-line progress bar redrawn in place on an interactive terminal; silent elsewhere. */
final class ProgressBar {
    private static final int WIDTH = 24;

    private final Terminal terminal;
    private final long startNanos = System.nanoTime();
    private int lastLength;

    ProgressBar(Terminal terminal) {
        this.terminal = terminal;
    }

    void update(int done, int total, long pages) {
        if (!terminal.interactive()) {
            return;
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String line = String.format(Locale.ROOT, "[%s] %d/%d files · %d pages · %.1f pages/s",
                bar, done, total, pages, pages / seconds);
        StringBuilder sb = new StringBuilder("\r").append(line);
        if (line.length() < lastLength) {
            sb.append(" ".repeat(lastLength - line.length()));
        }
        lastLength = line.length();
        terminal.err().print(sb);
        terminal.err().flush();
    }

    void finish() {
        if (terminal.interactive() && lastLength > 0) {
            terminal.err().print("\r" + " ".repeat(lastLength) + "\r");
            terminal.err().flush();
        }
    }
}
