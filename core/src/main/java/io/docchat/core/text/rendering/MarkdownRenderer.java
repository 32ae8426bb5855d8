package io.docchat.core.text.rendering;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.ArrayList;
import java.util.List;

/** Renders parsed pages as Markdown for people to read. Stateless. */
public final class MarkdownRenderer {

    private static final String CELL_SEPARATOR = " | ";

    private MarkdownRenderer() {}

    /**
     * The pages as Markdown: a {@code <!-- page N -->} marker before each page, headings as {@code #}, list items as
     * {@code -}, code fenced, consecutive table rows whose cells are separated by {@code " | "} as a pipe table (the
     * first row as its header), paragraphs with their line breaks. Blocks are separated by a blank line.
     */
    public static String markdown(List<Page> pages) {
        StringBuilder out = new StringBuilder();
        for (Page page : pages) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("<!-- page ").append(page.number()).append(" -->\n");
            List<TextBlock> blocks = page.blocks();
            int i = 0;
            while (i < blocks.size()) {
                TextBlock block = blocks.get(i);
                out.append('\n');
                if (block.type() == BlockType.TABLE_ROW) {
                    int end = i;
                    while (end < blocks.size() && blocks.get(end).type() == BlockType.TABLE_ROW) {
                        end++;
                    }
                    table(out, blocks.subList(i, end));
                    i = end;
                    continue;
                }
                switch (block.type()) {
                    case HEADING -> out.append("#".repeat(Math.min(6, Math.max(1, block.level())))).append(' ')
                            .append(oneLine(block)).append('\n');
                    case LIST_ITEM -> out.append("- ").append(oneLine(block)).append('\n');
                    case CODE -> {
                        String text = block.text();
                        String fence = text.contains("```") ? "~~~~" : "```";
                        out.append(fence).append('\n').append(text).append('\n').append(fence).append('\n');
                    }
                    default -> out.append(block.text()).append('\n');
                }
                i++;
            }
        }
        return out.toString();
    }

    private static String oneLine(TextBlock block) {
        StringBuilder sb = new StringBuilder();
        for (TextLine line : block.lines()) {
            String t = line.text().strip();
            if (t.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private static void table(StringBuilder out, List<TextBlock> rows) {
        boolean cells = false;
        for (TextBlock row : rows) {
            cells |= row.text().contains(CELL_SEPARATOR);
        }
        if (!cells) {
            // Rows without cells are not a table to Markdown: one line each.
            for (TextBlock row : rows) {
                out.append(oneLine(row)).append("  \n");
            }
            return;
        }
        List<List<String>> parsed = new ArrayList<>();
        int columns = 0;
        for (TextBlock row : rows) {
            List<String> rowCells = new ArrayList<>();
            for (String cell : oneLine(row).split(" \\| ", -1)) {
                rowCells.add(cell.strip().replace("|", "\\|"));
            }
            columns = Math.max(columns, rowCells.size());
            parsed.add(rowCells);
        }
        for (int r = 0; r < parsed.size(); r++) {
            List<String> row = parsed.get(r);
            out.append('|');
            for (int c = 0; c < columns; c++) {
                out.append(' ').append(c < row.size() ? row.get(c) : "").append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                out.append(" --- |".repeat(columns));
                out.append('\n');
            }
        }
    }
}
