package io.docchat.core.text.parsing;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values (RFC 4180: quoted fields with doubled quotes, line breaks inside quotes) into one
 * {@link BlockType#TABLE_ROW} block per record, cells joined with {@code " | "} as every table row is. The delimiter
 * is the one of comma, semicolon and tab that the first line uses most. Blank lines are skipped.
 */
final class CsvBlockReader {

    private CsvBlockReader() {}

    static List<TextBlock> read(List<String> lines) {
        char delimiter = delimiter(lines);
        List<TextBlock> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (String line : lines) {
            if (!quoted && line.isBlank()) {
                continue;
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
                rows.add(row(cells));
                cells.clear();
            }
        }
        if (quoted || !cells.isEmpty() || cell.length() > 0) {
            // An unclosed quote at the end: keep what was read rather than lose it.
            cells.add(cell.toString().strip());
            rows.add(row(cells));
        }
        return rows;
    }

    private static TextBlock row(List<String> cells) {
        return new TextBlock(BlockType.TABLE_ROW, 0, List.of(new TextLine(String.join(" | ", cells), null)));
    }

    private static char delimiter(List<String> lines) {
        String first = "";
        for (String line : lines) {
            if (!line.isBlank()) {
                first = line;
                break;
            }
        }
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
