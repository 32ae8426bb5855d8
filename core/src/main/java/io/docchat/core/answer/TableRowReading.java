package io.docchat.core.answer;

import io.docchat.core.text.analysis.TextAnalyzer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a table row with its headers, as a person would answer from a table: "Total net sales, three months ended
 * June 25, 2022: 82,959". Parsers give a table row as one line with cells separated by {@code " | "}, and the chunker
 * repeats a table's first row (its header) at the start of every passage that continues the table.
 */
final class TableRowReading {

    /** How cells are separated in a table row's line. */
    static final String CELL_SEPARATOR = " | ";

    private TableRowReading() {}

    static boolean isRow(String line) {
        return line.contains(CELL_SEPARATOR);
    }

    /**
     * The row read with its header: the row's first cell, then the header of the value column that matches the
     * question best (the first value column when none does), then that value. The row as written when it cannot be
     * aligned with the header, or when its cells already carry their headers ("Header: value", as spreadsheets give).
     *
     * @param header the table's header row, or null when the row has none
     * @param idf    the question's content terms (with their forms in the prompt) and their weights
     */
    static String read(String row, String header, Map<String, Set<String>> forms, Map<String, Double> idf) {
        String[] cells = cells(row);
        if (header == null || cells.length < 2 || allLabelled(cells)) {
            return row.strip();
        }
        String[] heads = cells(header);
        int offset;
        if (heads.length == cells.length) {
            offset = 0;
        } else if (heads.length == cells.length - 1) {
            offset = -1; // the header leaves the label column empty and unwritten
        } else {
            return row.strip();
        }
        int bestColumn = -1;
        double bestWeight = 0;
        for (int c = 1; c < cells.length; c++) {
            if (cells[c].isBlank()) {
                continue;
            }
            String head = heads[c + offset];
            Set<String> headTerms = new HashSet<>(TextAnalyzer.terms(head));
            double weight = 0;
            for (Map.Entry<String, Double> e : idf.entrySet()) {
                for (String form : forms.get(e.getKey())) {
                    if (headTerms.contains(form)) {
                        weight += e.getValue();
                        break;
                    }
                }
            }
            if (bestColumn < 0 || weight > bestWeight) {
                bestColumn = c;
                bestWeight = weight;
            }
        }
        if (bestColumn < 0) {
            return row.strip();
        }
        String head = heads[bestColumn + offset].strip();
        String label = cells[0].strip();
        String value = cells[bestColumn].strip();
        if (head.isEmpty()) {
            return label + ": " + value;
        }
        return label.isEmpty() ? head + ": " + value : label + ", " + head + ": " + value;
    }

    private static String[] cells(String line) {
        String s = line.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1);
        }
        return Arrays.stream(s.split(" \\| ", -1)).map(String::strip).toArray(String[]::new);
    }

    private static boolean allLabelled(String[] cells) {
        return List.of(cells).subList(1, cells.length).stream().allMatch(c -> c.isBlank() || c.contains(": "));
    }
}
