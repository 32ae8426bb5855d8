package io.docchat.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Tesseract's TSV layout output (one row per page, block, paragraph, line and word, each with its pixel box
 * and, for words, a confidence) into lines of words.
 */
final class TesseractTsv {

    private static final int COLUMNS = 12;
    private static final int LEVEL_PAGE = 1;
    private static final int LEVEL_LINE = 4;
    private static final int LEVEL_WORD = 5;

    private TesseractTsv() {}

    /**
     * The lines of the first page in the TSV; rows that do not parse are skipped.
     *
     * @param imageWidth  used when the TSV has no page row
     * @param imageHeight used when the TSV has no page row
     */
    static OcrPageText parse(String tsv, int imageWidth, int imageHeight) {
        int width = imageWidth;
        int height = imageHeight;
        List<OcrLine> lines = new ArrayList<>();
        LineBuilder current = null;
        for (String row : tsv.split("\r?\n")) {
            String[] cells = row.split("\t", COLUMNS);
            if (cells.length < COLUMNS - 1 || !isInteger(cells[0])) {
                continue;
            }
            int level = Integer.parseInt(cells[0]);
            int page = integer(cells[1]);
            if (page > 1) {
                break;
            }
            int block = integer(cells[2]);
            int paragraph = integer(cells[3]);
            int line = integer(cells[4]);
            int left = integer(cells[6]);
            int top = integer(cells[7]);
            int w = integer(cells[8]);
            int h = integer(cells[9]);
            String text = cells.length == COLUMNS ? cells[11].strip() : "";
            if (level == LEVEL_PAGE && w > 0 && h > 0) {
                width = w;
                height = h;
            } else if (level == LEVEL_LINE) {
                addIfWords(lines, current);
                current = new LineBuilder(block, paragraph, line, left, top, w, h);
            } else if (level == LEVEL_WORD && !text.isEmpty()) {
                if (current == null || !current.holds(block, paragraph, line)) {
                    addIfWords(lines, current);
                    current = new LineBuilder(block, paragraph, line, left, top, w, h);
                }
                current.words.add(new OcrWord(text, left, top, w, h, confidence(cells[10])));
            }
        }
        addIfWords(lines, current);
        return new OcrPageText(width, height, lines);
    }

    private static void addIfWords(List<OcrLine> lines, LineBuilder builder) {
        if (builder != null && !builder.words.isEmpty()) {
            lines.add(builder.build());
        }
    }

    private static float confidence(String cell) {
        try {
            float value = Float.parseFloat(cell.strip());
            return Math.max(0f, Math.min(100f, value));
        } catch (NumberFormatException e) {
            return 0f;
        }
    }

    private static boolean isInteger(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        for (int i = 0; i < cell.length(); i++) {
            if (!Character.isDigit(cell.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int integer(String cell) {
        try {
            return Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static final class LineBuilder {
        final int block;
        final int paragraph;
        final int line;
        final int left;
        final int top;
        final int width;
        final int height;
        final List<OcrWord> words = new ArrayList<>();

        LineBuilder(int block, int paragraph, int line, int left, int top, int width, int height) {
            this.block = block;
            this.paragraph = paragraph;
            this.line = line;
            this.left = left;
            this.top = top;
            this.width = width;
            this.height = height;
        }

        boolean holds(int b, int p, int l) {
            return block == b && paragraph == p && line == l;
        }

        OcrLine build() {
            if (width > 0 && height > 0) {
                return new OcrLine(block, paragraph, left, top, width, height, words);
            }
            // No line row: the union of the words' boxes.
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxX = Integer.MIN_VALUE;
            int maxY = Integer.MIN_VALUE;
            for (OcrWord word : words) {
                minX = Math.min(minX, word.left());
                minY = Math.min(minY, word.top());
                maxX = Math.max(maxX, word.left() + word.width());
                maxY = Math.max(maxY, word.top() + word.height());
            }
            return new OcrLine(block, paragraph, minX, minY, maxX - minX, maxY - minY, words);
        }
    }
}
