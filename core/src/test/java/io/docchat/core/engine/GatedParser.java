package io.docchat.core.engine;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Parses {@code *.slow} files (one text line per line) only once its gate opens, so that tests can hold a document
 * in {@code PARSING}. Unless told to be stubborn it honours interruption, as a well-behaved parser does.
 */
final class GatedParser implements DocumentParser {
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final boolean ignoresInterruption;

    GatedParser(boolean open, boolean ignoresInterruption) {
        this.ignoresInterruption = ignoresInterruption;
        if (open) {
            gate.countDown();
        }
    }

    void open() {
        gate.countDown();
    }

    /** Waits until some document is being parsed. */
    boolean awaitEntered() throws InterruptedException {
        return entered.await(30, TimeUnit.SECONDS);
    }

    @Override
    public boolean accepts(String fileName, byte[] content) {
        return fileName.endsWith(".slow");
    }

    @Override
    public ParseResult parse(String fileName, byte[] content) {
        entered.countDown();
        while (true) {
            try {
                gate.await();
                break;
            } catch (InterruptedException e) {
                if (!ignoresInterruption) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while parsing", e);
                }
            }
        }
        List<TextLine> lines = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(new TextLine(line, null));
            }
        }
        return ParseResult.success(new ParsedDocument(null,
                List.of(new Page(1, 0, 0, 0, List.of(new TextBlock(BlockType.PARAGRAPH, 0, lines)))), List.of()));
    }
}
