package io.docchat.documents;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds pages of blocks from the lines of all pages of a PDF: headings are lines set clearly larger than the
 * document's body text (level by size rank), table rows are one block each, and words hyphenated across two lines of
 * the same page are rejoined.
 *
 * <p>Hyphenation: when a line ends with a hyphen after a lower-case letter and the next line on the page starts with
 * a lower-case letter, the hyphen is dropped and the rest of the word moves up to the end of the first line. Each line
 * keeps its own box; the word's second half is thus cited on the line where the word starts. Compound words broken at
 * their own hyphen ("well-" / "known") lose that hyphen, the usual price of this rule.
 */
final class PdfBlockAssembler {

    private static final float HEADING_RATIO = 1.15f;
    private static final int MAX_HEADING_CHARS = 160;
    private static final int MAX_HEADING_LEVEL = 6;

    private PdfBlockAssembler() {}

    static List<Page> assemble(List<PdfPageCollector.CollectedPage> collected) {
        float bodySize = bodySize(collected);
        Map<Integer, Integer> headingLevels = headingLevels(collected, bodySize);
        List<Page> pages = new ArrayList<>(collected.size());
        for (PdfPageCollector.CollectedPage page : collected) {
            List<PdfLine> lines = joinHyphenation(page.lines());
            pages.add(new Page(page.number(), page.width(), page.height(), page.rotation(),
                    blocks(lines, bodySize, headingLevels)));
        }
        return pages;
    }

    private static List<TextBlock> blocks(List<PdfLine> lines, float bodySize, Map<Integer, Integer> levels) {
        List<TextBlock> blocks = new ArrayList<>();
        List<TextLine> current = new ArrayList<>();
        BlockType currentType = null;
        int currentLevel = 0;
        for (PdfLine line : lines) {
            BlockType type;
            int level = 0;
            if (line.tableRow()) {
                type = BlockType.TABLE_ROW;
            } else if (isHeading(line, bodySize)) {
                type = BlockType.HEADING;
                level = levels.getOrDefault(sizeKey(line.size()), 1);
            } else {
                type = BlockType.PARAGRAPH;
            }
            boolean continues = currentType == type && level == currentLevel && type != BlockType.TABLE_ROW
                    && (type == BlockType.HEADING || !line.startsParagraph());
            if (!continues && !current.isEmpty()) {
                blocks.add(new TextBlock(currentType, currentLevel, current));
                current = new ArrayList<>();
            }
            current.add(new TextLine(line.text(), line.box()));
            currentType = type;
            currentLevel = level;
        }
        if (!current.isEmpty()) {
            blocks.add(new TextBlock(currentType, currentLevel, current));
        }
        return blocks;
    }

    private static boolean isHeading(PdfLine line, float bodySize) {
        return bodySize > 0 && line.size() >= HEADING_RATIO * bodySize && line.text().length() <= MAX_HEADING_CHARS
                && line.text().codePoints().anyMatch(Character::isLetter);
    }

    /** The font size that carries the most characters. */
    private static float bodySize(List<PdfPageCollector.CollectedPage> pages) {
        Map<Integer, Long> chars = new HashMap<>();
        for (PdfPageCollector.CollectedPage page : pages) {
            for (PdfLine line : page.lines()) {
                chars.merge(sizeKey(line.size()), (long) line.text().length(), Long::sum);
            }
        }
        return chars.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() / 2f).orElse(0f);
    }

    /** Larger heading sizes get smaller (more important) levels. */
    private static Map<Integer, Integer> headingLevels(List<PdfPageCollector.CollectedPage> pages, float bodySize) {
        TreeSet<Integer> sizes = new TreeSet<>();
        for (PdfPageCollector.CollectedPage page : pages) {
            for (PdfLine line : page.lines()) {
                if (!line.tableRow() && isHeading(line, bodySize)) {
                    sizes.add(sizeKey(line.size()));
                }
            }
        }
        Map<Integer, Integer> levels = new HashMap<>();
        int level = 1;
        for (Integer size : sizes.descendingSet()) {
            levels.put(size, Math.min(level++, MAX_HEADING_LEVEL));
        }
        return levels;
    }

    /** Sizes rounded to half points, so that tiny differences do not make new levels. */
    private static int sizeKey(float size) {
        return Math.round(size * 2);
    }

    static List<PdfLine> joinHyphenation(List<PdfLine> lines) {
        List<PdfLine> out = new ArrayList<>(lines);
        for (int i = 0; i + 1 < out.size(); i++) {
            PdfLine line = out.get(i);
            PdfLine next = out.get(i + 1);
            if (line.tableRow() || next.tableRow()) {
                continue;
            }
            String text = line.text();
            String nextText = next.text();
            int n = text.length();
            if (n < 2 || !isHyphen(text.charAt(n - 1)) || !Character.isLowerCase(text.charAt(n - 2))
                    || nextText.isEmpty() || !Character.isLowerCase(nextText.charAt(0))) {
                continue;
            }
            int wordEnd = 0;
            while (wordEnd < nextText.length() && !Character.isWhitespace(nextText.charAt(wordEnd))) {
                wordEnd++;
            }
            String rest = nextText.substring(wordEnd).strip();
            if (rest.isEmpty()) {
                // The next line is only the word's tail: moving it would leave an empty line, so both stay as printed.
                continue;
            }
            out.set(i, line.withText(text.substring(0, n - 1) + nextText.substring(0, wordEnd)));
            out.set(i + 1, next.withText(rest));
        }
        return out;
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u00AD' || c == '\u2010';
    }
}
