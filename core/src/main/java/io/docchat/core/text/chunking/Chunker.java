package io.docchat.core.text.chunking;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.Page;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.PassagePage;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.NewPassage;
import io.docchat.core.text.analysis.CjkScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts parsed pages into passages: the units of retrieval and citation.
 *
 * <p>A passage is a few whole sentences (see {@link SentenceSplitter}): sentences are added until the passage reaches
 * {@code targetChars}, and a sentence that would take it past {@code maxChars} starts the next one. The short tail of
 * a paragraph (under half the target) stays with the passage before it when it fits, so no passage is a scrap. Only a sentence
 * longer than {@code maxChars} on its own is cut, at whitespace where there is any.
 *
 * <p>Structure: a heading starts a new passage and stays with the text after it; every passage records its heading
 * path, outermost first (a heading of level n replaces those of levels n and deeper). Consecutive table rows are
 * packed row by row, and a passage that continues a table starts with the table's first (header) row again, because a
 * row without its column names means little to a reader and gives the search nothing to match a column name against.
 * A paragraph that runs off the end of a page (no sentence end) continues with the first paragraph of the next page,
 * so a passage may cover lines of two pages; it then records the lines of both.
 *
 * <p>Text: lines of a paragraph, heading or list item are joined with a space, or with nothing next to Chinese text;
 * a line ending in a hyphen inside a word ("imple-" + "mentation") is joined without the hyphen. Code and table rows
 * keep one line per line. Blocks are joined with a newline. Each line is stripped of surrounding whitespace; that
 * (and the removal of a word-breaking hyphen) is its normalized text.
 *
 * <p>Lines: for every line a passage covers, a {@link PassageLine} gives its page, its 1-based number on the page
 * (counting every line of every block of the page, in order), its box, and where its normalized text is in the
 * passage text: {@code text.substring(start, end)} is that text, or the part of it the passage holds when a sentence
 * boundary falls inside the line. Immutable and thread-safe.
 */
public final class Chunker {

    /** Default target length: see {@link #defaults()}. */
    public static final int DEFAULT_TARGET_CHARS = 600;
    /** Default maximum length: see {@link #defaults()}. */
    public static final int DEFAULT_MAX_CHARS = 1_200;

    private final int targetChars;
    private final int maxChars;

    /**
     * @param targetChars a passage takes sentences until it is at least this long
     * @param maxChars    a passage is never longer than this (plus the repeated header row of a table), unless one
     *                    heading alone is
     */
    public Chunker(int targetChars, int maxChars) {
        if (targetChars < 1 || maxChars < targetChars) {
            throw new IllegalArgumentException(
                    "need 1 <= targetChars <= maxChars, got " + targetChars + " and " + maxChars);
        }
        this.targetChars = targetChars;
        this.maxChars = maxChars;
    }

    /**
     * About 600 characters (four to six English sentences, a short paragraph of Chinese), at most 1,200: long enough to
     * hold a fact with its context, short enough that a citation points at a few lines.
     */
    public static Chunker defaults() {
        return new Chunker(DEFAULT_TARGET_CHARS, DEFAULT_MAX_CHARS);
    }

    /** The passages of a document's pages, in reading order, numbered from 0. */
    public List<NewPassage> chunk(List<Page> pages) {
        List<LogicalBlock> blocks = logicalBlocks(pages);
        Map<Integer, PassagePage> pageSizes = new HashMap<>(pages.size() * 2);
        for (Page page : pages) {
            pageSizes.putIfAbsent(page.number(),
                    new PassagePage(page.number(), page.width(), page.height(), page.rotation()));
        }
        Packer packer = new Packer(pageSizes);
        for (LogicalBlock block : blocks) {
            packer.add(block);
        }
        packer.flush();
        return packer.passages;
    }

    // ---- lines and blocks

    /** A line of a page with its place, its normalized text and its text as it stands on the page. */
    private record LineRef(int page, int lineNumber, Box box, String text, String pageText) {}

    /**
     * A block with its text built from its lines; {@code lineStart/lineEnd} give each line's normalized text in
     * {@code text} (equal when the line is blank).
     */
    private static final class LogicalBlock {
        final BlockType type;
        final int level;
        final List<LineRef> lines = new ArrayList<>();
        String text;
        int[] lineStart;
        int[] lineEnd;

        LogicalBlock(BlockType type, int level) {
            this.type = type;
            this.level = level;
        }

        void build() {
            StringBuilder sb = new StringBuilder();
            lineStart = new int[lines.size()];
            lineEnd = new int[lines.size()];
            boolean keepLines = type == BlockType.CODE || type == BlockType.TABLE_ROW;
            for (int i = 0; i < lines.size(); i++) {
                String t = lines.get(i).text();
                if (t.isEmpty()) {
                    lineStart[i] = lineEnd[i] = sb.length();
                    continue;
                }
                if (sb.length() > 0) {
                    char last = sb.charAt(sb.length() - 1);
                    char first = t.charAt(0);
                    if (keepLines) {
                        sb.append('\n');
                    } else if (last == '-' && sb.length() >= 2 && Character.isLetter(sb.charAt(sb.length() - 2))
                            && Character.isLowerCase(first)) {
                        // A word broken by a hyphen at the end of the line: the hyphen is layout, not text.
                        sb.setLength(sb.length() - 1);
                        lineEnd[previousNonBlank(i)] = sb.length();
                    } else if (!CjkScript.isCjk(last) && !CjkScript.isCjk(first)) {
                        sb.append(' ');
                    }
                }
                lineStart[i] = sb.length();
                sb.append(t);
                lineEnd[i] = sb.length();
            }
            text = sb.toString();
        }

        private int previousNonBlank(int i) {
            int j = i - 1;
            while (j > 0 && lines.get(j).text().isEmpty()) {
                j--;
            }
            return j;
        }
    }

    private static List<LogicalBlock> logicalBlocks(List<Page> pages) {
        List<LogicalBlock> out = new ArrayList<>();
        for (Page page : pages) {
            int lineNumber = 0;
            boolean firstOfPage = true;
            for (TextBlock block : page.blocks()) {
                LogicalBlock previous = out.isEmpty() ? null : out.get(out.size() - 1);
                LogicalBlock target;
                if (firstOfPage && previous != null && continuesAcrossPage(previous, block)) {
                    target = previous;
                } else {
                    target = new LogicalBlock(block.type(), block.type() == BlockType.HEADING ? block.level() : 0);
                    out.add(target);
                }
                firstOfPage = false;
                for (TextLine line : block.lines()) {
                    lineNumber++;
                    String text = line.text() == null ? "" : line.text().strip();
                    target.lines.add(new LineRef(page.number(), lineNumber, line.box(), text, line.text()));
                }
            }
        }
        List<LogicalBlock> nonEmpty = new ArrayList<>(out.size());
        for (LogicalBlock block : out) {
            block.build();
            if (!block.text.isEmpty()) {
                nonEmpty.add(block);
            }
        }
        return nonEmpty;
    }

    /** A paragraph cut by a page break mid-sentence goes on with the next page's first paragraph. */
    private static boolean continuesAcrossPage(LogicalBlock previous, TextBlock next) {
        if (previous.type != BlockType.PARAGRAPH || next.type() != BlockType.PARAGRAPH) {
            return false;
        }
        for (int i = previous.lines.size() - 1; i >= 0; i--) {
            String t = previous.lines.get(i).text();
            if (!t.isEmpty()) {
                char last = t.charAt(t.length() - 1);
                return !isSentenceEnd(last);
            }
        }
        return false;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '?' || c == '!' || c == ':' || c == '。' || c == '！' || c == '？' || c == '；'
                || c == '：' || c == '"' || c == '”' || c == ')' || c == '）';
    }

    // ---- packing

    /** A contiguous range of a block's text that goes into a passage. */
    private record Slice(LogicalBlock block, int start, int end) {}

    private final class Packer {
        /** The size and rotation of every page, by number, for the passages to carry. */
        final Map<Integer, PassagePage> pageSizes;
        final List<NewPassage> passages = new ArrayList<>();
        final List<String> headingTexts = new ArrayList<>();
        final List<Integer> headingLevels = new ArrayList<>();
        final List<Slice> slices = new ArrayList<>();
        int length;
        boolean hasBody;
        LogicalBlock tableHeader;
        List<String> pathOfCurrent = List.of();

        Packer(Map<Integer, PassagePage> pageSizes) {
            this.pageSizes = pageSizes;
        }

        /** The pages these lines are on, in page order, with their size and rotation. */
        private List<PassagePage> pagesOf(List<PassageLine> lines) {
            List<PassagePage> pages = new ArrayList<>(2);
            int last = Integer.MIN_VALUE;
            for (PassageLine line : lines) {
                if (line.pageNumber() != last) {
                    last = line.pageNumber();
                    PassagePage page = pageSizes.get(last);
                    if (page != null && !pages.contains(page)) {
                        pages.add(page);
                    }
                }
            }
            pages.sort(Comparator.comparingInt(PassagePage::number));
            return pages;
        }

        void add(LogicalBlock block) {
            if (block.type != BlockType.TABLE_ROW) {
                tableHeader = null;
            }
            switch (block.type) {
                case HEADING -> addHeading(block);
                case TABLE_ROW -> addTableRow(block);
                default -> addSentences(block);
            }
        }

        private void addHeading(LogicalBlock block) {
            if (hasBody) {
                flush();
            }
            int level = Math.max(1, block.level);
            while (!headingLevels.isEmpty() && headingLevels.get(headingLevels.size() - 1) >= level) {
                headingLevels.remove(headingLevels.size() - 1);
                headingTexts.remove(headingTexts.size() - 1);
            }
            headingLevels.add(level);
            headingTexts.add(block.text);
            pathOfCurrent = List.copyOf(headingTexts);
            append(block, 0, block.text.length());
        }

        private void addTableRow(LogicalBlock row) {
            int len = row.text.length();
            if (tableHeader == null) {
                tableHeader = row;
                if (hasBody && length + 1 + len > maxChars) {
                    flush();
                }
                appendBody(row, 0, len);
                return;
            }
            if (hasBody && (length >= targetChars || length + 1 + len > maxChars)) {
                flush();
                appendBody(tableHeader, 0, tableHeader.text.length());
            }
            appendBody(row, 0, len);
        }

        private void addSentences(LogicalBlock block) {
            for (TextSpan sentence : SentenceSplitter.sentences(block.text)) {
                for (TextSpan piece : cut(block.text, sentence)) {
                    int gap = gapBefore(block, piece.start());
                    int rest = block.text.length() - piece.start();
                    // A short tail of a paragraph stays with the passage rather than becoming a scrap of its own.
                    boolean absorbTail = rest < targetChars / 2 && length + gap + rest <= maxChars;
                    if (hasBody && ((length >= targetChars && !absorbTail) || length + gap + piece.length() > maxChars)) {
                        flush();
                    }
                    appendBody(block, piece.start(), piece.end());
                }
            }
        }

        /** Characters that would separate this piece from what the passage holds now. */
        private int gapBefore(LogicalBlock block, int start) {
            if (slices.isEmpty()) {
                return 0;
            }
            Slice last = slices.get(slices.size() - 1);
            return last.block() == block ? start - last.end() : 1;
        }

        /** A sentence longer than the maximum, cut at whitespace (or anywhere, in text without spaces). */
        private List<TextSpan> cut(String text, TextSpan sentence) {
            if (sentence.length() <= maxChars) {
                return List.of(sentence);
            }
            List<TextSpan> pieces = new ArrayList<>();
            int start = sentence.start();
            int end = sentence.end();
            while (end - start > maxChars) {
                int limit = start + maxChars;
                int cutAt = -1;
                for (int i = limit; i > start + maxChars / 2; i--) {
                    char c = text.charAt(i - 1);
                    if (Character.isWhitespace(text.charAt(i)) || c == '，' || c == '、' || c == ',') {
                        cutAt = i;
                        break;
                    }
                }
                if (cutAt < 0) {
                    cutAt = limit;
                    if (Character.isHighSurrogate(text.charAt(cutAt - 1))) {
                        cutAt--;
                    }
                }
                int pieceEnd = cutAt;
                while (pieceEnd > start && Character.isWhitespace(text.charAt(pieceEnd - 1))) {
                    pieceEnd--;
                }
                pieces.add(new TextSpan(start, pieceEnd));
                start = cutAt;
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
            }
            if (end > start) {
                pieces.add(new TextSpan(start, end));
            }
            return pieces;
        }

        private void appendBody(LogicalBlock block, int start, int end) {
            append(block, start, end);
            hasBody = true;
        }

        private void append(LogicalBlock block, int start, int end) {
            if (!slices.isEmpty()) {
                Slice last = slices.get(slices.size() - 1);
                if (last.block() == block && last.end() <= start) {
                    // The next sentence of the same block: keep the block's own text between them.
                    slices.set(slices.size() - 1, new Slice(block, last.start(), end));
                    length += end - last.end();
                    return;
                }
                length += 1;
            }
            slices.add(new Slice(block, start, end));
            length += end - start;
        }

        void flush() {
            if (slices.isEmpty()) {
                return;
            }
            StringBuilder text = new StringBuilder(length);
            List<PassageLine> lines = new ArrayList<>();
            for (Slice slice : slices) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                int offset = text.length() - slice.start();
                LogicalBlock block = slice.block();
                text.append(block.text, slice.start(), slice.end());
                for (int i = 0; i < block.lines.size(); i++) {
                    int s = Math.max(block.lineStart[i], slice.start());
                    int e = Math.min(block.lineEnd[i], slice.end());
                    if (s < e) {
                        LineRef ref = block.lines.get(i);
                        lines.add(new PassageLine(ref.page(), ref.lineNumber(), ref.box(), s + offset, e + offset,
                                ref.pageText()));
                    }
                }
            }
            passages.add(new NewPassage(passages.size(), text.toString(), pathOfCurrent, lines, pagesOf(lines)));
            slices.clear();
            length = 0;
            hasBody = false;
            pathOfCurrent = List.copyOf(headingTexts);
        }
    }
}
