package io.docchat.documents;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the blocks of a document without page geometry (Word, HTML) into pages: a new page at every explicit page
 * break, and otherwise once a page holds about {@code pageChars} characters, always between blocks.
 */
final class FlowPages {

    private final int pageChars;
    private final long maxTextChars;
    private final List<Page> pages = new ArrayList<>();
    private List<TextBlock> blocks = new ArrayList<>();
    private int chars;
    private long totalChars;

    FlowPages(int pageChars, long maxTextChars) {
        this.pageChars = pageChars;
        this.maxTextChars = maxTextChars;
    }

    /** Adds a block of one or more lines; blank lines are dropped and an all-blank block is ignored. */
    void add(BlockType type, int level, List<String> lines) {
        checkInterrupted();
        List<TextLine> textLines = new ArrayList<>(lines.size());
        int blockChars = 0;
        for (String line : lines) {
            String text = line.strip();
            if (!text.isEmpty()) {
                textLines.add(new TextLine(text, null));
                blockChars += text.length();
            }
        }
        if (textLines.isEmpty()) {
            return;
        }
        totalChars += blockChars;
        if (totalChars > maxTextChars) {
            throw new TextLimitExceeded(maxTextChars);
        }
        if (chars > 0 && chars + blockChars > pageChars) {
            pageBreak();
        }
        blocks.add(new TextBlock(type, level, textLines));
        chars += blockChars;
    }

    void add(BlockType type, int level, String text) {
        add(type, level, List.of(text.split("\n", -1)));
    }

    /** Ends the current page; several breaks in a row make no empty pages. */
    void pageBreak() {
        if (blocks.isEmpty()) {
            return;
        }
        pages.add(new Page(pages.size() + 1, 0, 0, 0, blocks));
        blocks = new ArrayList<>();
        chars = 0;
    }

    List<Page> pages() {
        pageBreak();
        return List.copyOf(pages);
    }

    /** Parsing runs under the engine's per-document timeout, which interrupts the parsing thread. */
    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Interrupted();
        }
    }

    /** The parsing thread was interrupted: the document took longer than allowed. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("Parsing was interrupted before it finished.", null, false, false);
        }
    }

    /** The document holds more text than the limits allow. */
    static final class TextLimitExceeded extends RuntimeException {
        TextLimitExceeded(long limit) {
            super("The document has more than " + limit + " characters of text.", null, false, false);
        }
    }
}
