package io.docchat.core.text.parsing;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads comma-separated values (RFC 4180: quoted fields with doubled quotes, line breaks inside quotes) into one
 * {@link BlockType#TABLE_ROW} block per record, cells joined with {@code " | "} as every table row is. The delimiter
 * is the one of comma, semicolon and tab that the first line uses most. Blank lines are skipped.
 *
 * <p>Reads line by line and hands each record on as soon as it is complete, so it keeps one record at most.
 */
final class CsvBlockReader {
    private final Consumer<TextBlock> rows;
    private final List<String> cells = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private char delimiter;
    private boolean delimiterKnown;
    private boolean quoted;

    /** @param rows receives each record as it is complete */
    CsvBlockReader(Consumer<TextBlock> rows) {
        this.rows = rows;
    }

    /** The records of the lines of one whole text. */
    static List<TextBlock> read(List<String> lines) {
        List<TextBlock> rows = new ArrayList<>();
        CsvBlockReader reader = new CsvBlockReader(rows::add);
        lines.forEach(reader::line);
        reader.end();
        return rows;
    }

    void line(String line) {
        if (!quoted && line.isBlank()) {
            return;
        }
        if (!delimiterKnown) {
            delimiter = delimiter(line);
            delimiterKnown = true;
        }
        if (quoted) {
            // A quoted field runs over a line break: keep the break as a space in the cell.
            cell.append(' ');
        }
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < n && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!quoted) {
            cells.add(cell.toString().strip());
            cell.setLength(0);
            rows.accept(row(cells));
            cells.clear();
        }
    }

    /** The end of the text. */
    void end() {
        if (quoted || !cells.isEmpty() || cell.length() > 0) {
            // An unclosed quote at the end: keep what was read rather than lose it.
            cells.add(cell.toString().strip());
            rows.accept(row(cells));
            cells.clear();
            cell.setLength(0);
            quoted = false;
        }
    }

    private static TextBlock row(List<String> cells) {
        return new TextBlock(BlockType.TABLE_ROW, 0, List.of(new TextLine(String.join(" | ", cells), null)));
    }

    /** The delimiter the first non-blank line uses most. */
    private static char delimiter(String first) {
        char best = ',';
        long bestCount = first.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = first.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }
}
