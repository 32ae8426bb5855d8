package io.docchat.core.text.parsing;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the block structure of Markdown (CommonMark and GitHub tables, the common subset): ATX and setext headings,
 * list items with their continuation lines, fenced code, pipe tables (one block per row, cells joined with " | ",
 * the delimiter row dropped), block quotes and paragraphs. Inline markup is reduced to its text (links to their label,
 * emphasis and code spans to their content) because the text is what is searched and cited.
 */
final class MarkdownBlockReader {

    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT_1 = Pattern.compile("^ {0,3}=+[ \\t]*$");
    private static final Pattern SETEXT_2 = Pattern.compile("^ {0,3}-+[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^([ \\t]*)(?:[-*+]|\\d{1,9}[.)])[ \\t]+(.*)$");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}(?:(?:\\*[ \\t]*){3,}|(?:-[ \\t]*){3,}|(?:_[ \\t]*){3,})$");
    private static final Pattern TABLE_DELIMITER = Pattern.compile("^[ \\t]*\\|?[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*]+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    private MarkdownBlockReader() {}

    static List<TextBlock> read(List<String> lines) {
        List<TextBlock> blocks = new ArrayList<>();
        List<TextLine> paragraph = new ArrayList<>();
        List<TextLine> item = null;
        int i = 0;
        int n = lines.size();
        while (i < n) {
            String line = lines.get(i);
            Matcher m;
            if (line.isBlank()) {
                flush(blocks, paragraph, BlockType.PARAGRAPH);
                item = flushItem(blocks, item);
                i++;
                continue;
            }
            if ((m = FENCE.matcher(line)).matches()) {
                flush(blocks, paragraph, BlockType.PARAGRAPH);
                item = flushItem(blocks, item);
                String fence = m.group(1);
                List<TextLine> code = new ArrayList<>();
                i++;
                while (i < n && !isClosingFence(lines.get(i), fence)) {
                    code.add(new TextLine(stripTrailing(lines.get(i)), null));
                    i++;
                }
                i++; // the closing fence, or the end of the file for an unclosed one
                if (!code.isEmpty()) {
                    blocks.add(new TextBlock(BlockType.CODE, 0, code));
                }
                continue;
            }
            if ((m = ATX_HEADING.matcher(line)).matches()) {
                flush(blocks, paragraph, BlockType.PARAGRAPH);
                item = flushItem(blocks, item);
                String text = m.group(2) == null ? "" : inline(m.group(2).strip());
                if (!text.isEmpty()) {
                    blocks.add(new TextBlock(BlockType.HEADING, m.group(1).length(), List.of(new TextLine(text, null))));
                }
                i++;
                continue;
            }
            if (!paragraph.isEmpty() && item == null && paragraph.size() == 1 && !lines.get(i - 1).strip().startsWith(">")
                    && (SETEXT_1.matcher(line).matches() || SETEXT_2.matcher(line).matches())) {
                int level = line.strip().charAt(0) == '=' ? 1 : 2;
                blocks.add(new TextBlock(BlockType.HEADING, level, List.copyOf(paragraph)));
                paragraph.clear();
                i++;
                continue;
            }
            if (THEMATIC_BREAK.matcher(line).matches()) {
                flush(blocks, paragraph, BlockType.PARAGRAPH);
                item = flushItem(blocks, item);
                i++;
                continue;
            }
            if (line.indexOf('|') >= 0 && i + 1 < n && TABLE_DELIMITER.matcher(lines.get(i + 1)).matches()
                    && lines.get(i + 1).indexOf('-') >= 0) {
                flush(blocks, paragraph, BlockType.PARAGRAPH);
                item = flushItem(blocks, item);
                blocks.add(tableRow(line));
                i += 2;
                while (i < n && !lines.get(i).isBlank() && lines.get(i).indexOf('|') >= 0) {
                    blocks.add(tableRow(lines.get(i)));
                    i++;
                }
                continue;
            }
            if ((m = LIST_ITEM.matcher(line)).matches()) {
                flush(blocks, paragraph, BlockType.PARAGRAPH);
                item = flushItem(blocks, item);
                item = new ArrayList<>();
                item.add(new TextLine(inline(m.group(2).strip()), null));
                i++;
                continue;
            }
            String text = line.strip();
            if (text.startsWith(">")) {
                text = text.replaceFirst("^(>\\s?)+", "").strip();
                if (text.isEmpty()) {
                    i++;
                    continue;
                }
            }
            if (item != null) {
                // A lazy continuation line of the list item.
                item.add(new TextLine(inline(text), null));
            } else {
                paragraph.add(new TextLine(inline(text), null));
            }
            i++;
        }
        flush(blocks, paragraph, BlockType.PARAGRAPH);
        flushItem(blocks, item);
        return blocks;
    }

    /** The fence a line opens ({@code ```} or {@code ~~~}, three or more), or null when it opens none. */
    static String fenceOpenedBy(String line) {
        Matcher m = FENCE.matcher(line);
        return m.matches() ? m.group(1) : null;
    }

    static boolean isClosingFence(String line, String fence) {
        String s = line.strip();
        return s.length() >= fence.length() && s.charAt(0) == fence.charAt(0) && s.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static TextBlock tableRow(String line) {
        String s = line.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|") && !s.endsWith("\\|")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' && k + 1 < s.length() && s.charAt(k + 1) == '|') {
                cell.append('|');
                k++;
            } else if (c == '|') {
                cells.add(inline(cell.toString().strip()));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(inline(cell.toString().strip()));
        return new TextBlock(BlockType.TABLE_ROW, 0, List.of(new TextLine(String.join(" | ", cells), null)));
    }

    private static void flush(List<TextBlock> blocks, List<TextLine> lines, BlockType type) {
        if (!lines.isEmpty()) {
            blocks.add(new TextBlock(type, 0, List.copyOf(lines)));
            lines.clear();
        }
    }

    private static List<TextLine> flushItem(List<TextBlock> blocks, List<TextLine> item) {
        if (item != null && !item.isEmpty()) {
            blocks.add(new TextBlock(BlockType.LIST_ITEM, 0, item));
        }
        return null;
    }

    /** Inline markup reduced to its text. */
    static String inline(String s) {
        if (s.indexOf('[') >= 0) {
            s = IMAGE.matcher(s).replaceAll("$1");
            s = LINK.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('`') >= 0) {
            s = CODE_SPAN.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0) {
            s = STRONG.matcher(s).replaceAll("$2");
            s = EMPHASIS.matcher(s).replaceAll("$1");
        }
        return s;
    }

    private static String stripTrailing(String s) {
        return s.stripTrailing();
    }
}
