package io.docchat.core.text.parsing;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the pages of a text from its lines as they are read, keeping only finished pages and what the current
 * one needs: plain-text paragraphs and CSV records go on as they come, Markdown in runs of lines that end at a blank
 * line outside fenced code (after such a line the Markdown reader carries nothing over, so reading run by run gives
 * the blocks of reading it whole).
 *
 * <p>A text with form feeds has one page between each; a text without them is cut into pages of about
 * {@value #PAGE_CHARS} characters or {@value #PAGE_LINES} lines, never inside a line. Reading stops as soon as the
 * text is known to be over its page or character limit; a single line, or a Markdown run without a break, longer
 * than the character limit stops it too, since it would have to be held whole.
 */
final class TextPageAssembler implements LineSplitter.Receiver {
    static final int PAGE_CHARS = 3_000;
    static final int PAGE_LINES = 60;
    /** Markdown lines gathered before the next blank line outside fenced code hands them to the reader. */
    private static final int MARKDOWN_RUN_LINES = 200;

    enum Format { PLAIN, MARKDOWN, CSV }

    private final Format format;
    private final boolean formFeedPages;
    private final int maxPages;
    private final long maxTextChars;
    private final List<Page> pages = new ArrayList<>();
    private String overLimit;
    private long textChars;

    // The page being filled: its finished blocks, and the lines so far of the block being added.
    private List<TextBlock> pageBlocks = new ArrayList<>();
    private List<TextLine> part = new ArrayList<>();
    private int pageChars;
    private int pageLines;

    // Plain text: whether a paragraph is open.
    private boolean inParagraph;
    // Markdown: the run of lines not yet read, its characters, and the fence it leaves open.
    private final List<String> markdownRun = new ArrayList<>();
    private long markdownRunChars;
    private String openFence;
    private boolean fencesUncertain;
    // CSV: the reader of the current page.
    private CsvBlockReader csv;

    TextPageAssembler(Format format, boolean formFeedPages, int maxPages, long maxTextChars) {
        this.format = format;
        this.formFeedPages = formFeedPages;
        this.maxPages = maxPages;
        this.maxTextChars = maxTextChars;
        this.csv = new CsvBlockReader(this::block);
    }

    /** The finished pages; only meaningful when {@link #overLimit()} is null. */
    List<Page> pages() {
        return pages;
    }

    /** Why reading stopped, in words for a person; null when the text is within its limits. */
    String overLimit() {
        return overLimit;
    }

    @Override
    public boolean line(String line) {
        switch (format) {
            case PLAIN -> {
                if (line.isBlank()) {
                    endParagraph();
                } else {
                    inParagraph = true;
                    addLine(BlockType.PARAGRAPH, 0, new TextLine(line.stripTrailing(), null));
                }
            }
            case CSV -> csv.line(line);
            case MARKDOWN -> {
                markdownRun.add(line);
                markdownRunChars += line.length();
                trackFence(line);
                if (line.isBlank() && openFence == null && !fencesUncertain
                        && markdownRun.size() >= MARKDOWN_RUN_LINES) {
                    readMarkdownRun();
                } else if (markdownRunChars > maxTextChars) {
                    return stop("The document has a run of more than " + maxTextChars
                            + " characters of text without a break; the limit is " + maxTextChars + ".");
                }
            }
        }
        return overLimit == null;
    }

    @Override
    public boolean pageBreak() {
        endBlocks();
        if (!formFeedPages) {
            return overLimit == null;
        }
        return finishPage() && overLimit == null;
    }

    @Override
    public boolean lineTooLong(long maxLineChars) {
        return stop("The document has a line of more than " + maxLineChars + " characters; the limit is "
                + maxTextChars + " characters of text.");
    }

    /**
     * The end of the text: finishes the last page. A trailing form feed ends the last page rather than opening an
     * empty one; a text without form feeds always has a page.
     *
     * @return false when the text is over a limit
     */
    boolean end() {
        endBlocks();
        if (overLimit != null) {
            return false;
        }
        if (formFeedPages) {
            if (pageBlocks.isEmpty() && !pages.isEmpty()) {
                return true;
            }
            return finishPage();
        }
        if (!pageBlocks.isEmpty() || pages.isEmpty()) {
            return finishPage();
        }
        return true;
    }

    /** Ends whatever block the format has open; each form-feed page is read on its own. */
    private void endBlocks() {
        switch (format) {
            case PLAIN -> endParagraph();
            case CSV -> {
                csv.end();
                csv = new CsvBlockReader(this::block);
            }
            case MARKDOWN -> {
                readMarkdownRun();
                openFence = null;
                fencesUncertain = false;
            }
        }
    }

    private void endParagraph() {
        if (inParagraph) {
            endBlock(BlockType.PARAGRAPH, 0);
            inParagraph = false;
        }
    }

    private void readMarkdownRun() {
        if (!markdownRun.isEmpty()) {
            MarkdownBlockReader.read(markdownRun).forEach(this::block);
            markdownRun.clear();
            markdownRunChars = 0;
        }
    }

    /**
     * Follows fenced code as the Markdown reader does. A fence-like line with a pipe might be a table row to the
     * reader instead; after one, the page is not cut into runs any more rather than risk cutting inside code.
     */
    private void trackFence(String line) {
        if (line.isBlank()) {
            return;
        }
        if (openFence != null) {
            if (MarkdownBlockReader.isClosingFence(line, openFence)) {
                openFence = null;
            }
            return;
        }
        String fence = MarkdownBlockReader.fenceOpenedBy(line);
        if (fence != null) {
            openFence = fence;
            if (line.indexOf('|') >= 0) {
                fencesUncertain = true;
            }
        }
    }

    private void block(TextBlock block) {
        for (TextLine line : block.lines()) {
            addLine(block.type(), block.level(), line);
        }
        endBlock(block.type(), block.level());
    }

    /** Adds a line to the open block, first starting a new page when a text without form feeds fills this one. */
    private void addLine(BlockType type, int level, TextLine line) {
        if (overLimit != null) {
            return;
        }
        int len = line.text().length() + 1;
        if (!formFeedPages && pageLines > 0 && (pageLines + 1 > PAGE_LINES || pageChars + len > PAGE_CHARS)) {
            if (!part.isEmpty()) {
                pageBlocks.add(new TextBlock(type, level, part));
                part = new ArrayList<>();
            }
            if (!finishPage()) {
                return;
            }
        }
        textChars += line.text().length();
        if (textChars > maxTextChars) {
            stop("The document has more than " + maxTextChars + " characters of text; the limit is " + maxTextChars
                    + ".");
            return;
        }
        part.add(line);
        pageChars += len;
        pageLines++;
    }

    private void endBlock(BlockType type, int level) {
        if (!part.isEmpty()) {
            pageBlocks.add(new TextBlock(type, level, part));
            part = new ArrayList<>();
        }
    }

    private boolean finishPage() {
        if (pages.size() >= maxPages) {
            return stop("The document has more than " + maxPages + " pages; the limit is " + maxPages + ".");
        }
        pages.add(new Page(pages.size() + 1, 0, 0, 0, pageBlocks));
        pageBlocks = new ArrayList<>();
        pageChars = 0;
        pageLines = 0;
        return true;
    }

    private boolean stop(String reason) {
        if (overLimit == null) {
            overLimit = reason;
            // What was read is of no use any more: let it go at once.
            pages.clear();
            pageBlocks = new ArrayList<>();
            part = new ArrayList<>();
            markdownRun.clear();
        }
        return false;
    }
}
