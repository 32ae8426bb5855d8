package io.docchat.cli.commands;

import io.docchat.cli.Terminal;
import java.util.Locale;
import java.util.function.LongSupplier;

/** A one-line progress bar redrawn in place on an interactive terminal; silent elsewhere. */
final class ProgressBar {
    private static final int WIDTH = 24;

    private final Terminal terminal;
    private final LongSupplier ocrPages;
    private final long startNanos = System.nanoTime();
    private final long ocrPagesAtStart;
    private int lastLength;
    private long embeddingStartNanos;
    private long embeddedAtStart;

    /** @param ocrPages pages read by OCR so far: shown once OCR has read some, since it is slow per page */
    ProgressBar(Terminal terminal, LongSupplier ocrPages) {
        this.terminal = terminal;
        this.ocrPages = ocrPages;
        this.ocrPagesAtStart = ocrPages.getAsLong();
    }

    void update(int done, int total, long pages) {
        if (!terminal.interactive()) {
            return;
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        String line = String.format(Locale.ROOT, "[%s] %d/%d files · %d pages · %.1f pages/s",
                bar(done, total), done, total, pages, pages / seconds);
        long ocr = ocrPages.getAsLong() - ocrPagesAtStart;
        if (ocr > 0) {
            line += String.format(Locale.ROOT, " · OCR %d pages", ocr);
        }
        draw(line);
    }

    /** The second phase: the parsed passages getting their vectors, timed from the first call. */
    void embedding(long embedded, long passages) {
        if (!terminal.interactive()) {
            return;
        }
        long now = System.nanoTime();
        if (embeddingStartNanos == 0) {
            embeddingStartNanos = now;
            embeddedAtStart = embedded;
        }
        double seconds = Math.max(1e-3, (now - embeddingStartNanos) / 1e9);
        draw(String.format(Locale.ROOT, "[%s] embedding %d/%d passages · %.1f passages/s",
                bar(embedded, passages), embedded, passages, (embedded - embeddedAtStart) / seconds));
    }

    private static String bar(long done, long total) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * Math.min(done, total) / total);
        return "#".repeat(filled) + "-".repeat(WIDTH - filled);
    }

    private void draw(String line) {
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
