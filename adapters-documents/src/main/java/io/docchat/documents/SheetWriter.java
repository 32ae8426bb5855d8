package io.docchat.documents;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellReference;

/**
 * Writes one sheet as one page: the sheet name as a heading, then each row as a table row. The header row is the
 * first row with at least two cells among the sheet's first rows (rows above it, usually titles, are paragraphs); it
 * is written as is, and every later row as {@code "Header: value | Header2: value2"}, empty cells left out.
 */
final class SheetWriter {

    private static final int HEADER_SEARCH_ROWS = 10;

    private final int pageNumber;
    private final long maxTextChars;
    private final long charsBefore;
    private final List<TextBlock> blocks = new ArrayList<>();
    private final List<List<String>> pendingTitleRows = new ArrayList<>();
    private List<String> header;
    private long chars;

    SheetWriter(int pageNumber, String sheetName, long charsBefore, long maxTextChars) {
        this.pageNumber = pageNumber;
        this.charsBefore = charsBefore;
        this.maxTextChars = maxTextChars;
        blocks.add(new TextBlock(BlockType.HEADING, 1, List.of(new TextLine(sheetName, null))));
        chars += sheetName.length();
    }

    /** Adds a row given as cell texts by column index (nulls and blanks are empty cells). */
    void row(List<String> cells) {
        FlowPages.checkInterrupted();
        int filled = 0;
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                filled++;
            }
        }
        if (filled == 0) {
            return;
        }
        if (header == null) {
            if (filled >= 2 || pendingTitleRows.size() >= HEADER_SEARCH_ROWS) {
                flushTitles();
                header = new ArrayList<>(cells);
                emit(BlockType.TABLE_ROW, WordParser.joinCells(clean(cells)));
            } else {
                pendingTitleRows.add(cells);
            }
            return;
        }
        StringBuilder line = new StringBuilder();
        for (int col = 0; col < cells.size(); col++) {
            String value = cells.get(col);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (line.length() > 0) {
                line.append(" | ");
            }
            line.append(headerName(col)).append(": ").append(oneLine(value));
        }
        emit(BlockType.TABLE_ROW, line.toString());
    }

    Page page() {
        flushTitles();
        return new Page(pageNumber, 0, 0, 0, blocks);
    }

    long chars() {
        return chars;
    }

    private void flushTitles() {
        for (List<String> row : pendingTitleRows) {
            emit(BlockType.PARAGRAPH, WordParser.joinCells(clean(row)));
        }
        pendingTitleRows.clear();
    }

    private String headerName(int col) {
        String name = col < header.size() ? header.get(col) : null;
        return name == null || name.isBlank() ? CellReference.convertNumToColString(col) : oneLine(name);
    }

    private void emit(BlockType type, String text) {
        if (text.isBlank()) {
            return;
        }
        chars += text.length();
        if (charsBefore + chars > maxTextChars) {
            throw new FlowPages.TextLimitExceeded(maxTextChars);
        }
        blocks.add(new TextBlock(type, 0, List.of(new TextLine(text, null))));
    }

    private static List<String> clean(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String cell : cells) {
            out.add(cell == null ? "" : oneLine(cell));
        }
        return out;
    }

    private static String oneLine(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }
}
