package io.docchat.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The glyphs of one page already shown, to recognise one painted again over its like: how Word and other writers
 * fake bold, which text extraction must read once. The rule is PDFBox's own ({@code PDFTextStripper} with duplicate
 * suppression): a glyph repeats an earlier shown one of the same text whose position lies within a third of the new
 * glyph's width per character, at or after {@code position - tolerance} and before {@code position + tolerance} on
 * both axes. PDFBox keeps the positions in sorted maps searched through new views for every glyph, about a tenth of
 * a book's parse; here they sit in a grid of square cells, so a glyph costs a few hash look-ups.
 */
final class Overprints {
    /** A cell's side in text-space units: a glyph's tolerance is a third of its width, so a few cells at most. */
    private static final float CELL = 8f;
    /** Beyond this many cells to visit (a glyph of absurd width), every shown glyph is compared instead. */
    private static final int MAX_CELLS = 64;

    private final Map<Long, Cell> cells = new HashMap<>();
    private final List<Shown> shown = new ArrayList<>();

    /** Forgets the page's glyphs, before the next page. */
    void clear() {
        cells.clear();
        shown.clear();
    }

    /**
     * True when the glyph repeats one already shown; otherwise records it as shown and returns false.
     *
     * @param width the glyph's width, of which a third per character is the tolerance
     */
    boolean repeats(String text, float x, float y, float width) {
        float tolerance = width / text.length() / 3.0f;
        if (matches(text, x, y, tolerance)) {
            return true;
        }
        Shown glyph = new Shown(text, x, y);
        shown.add(glyph);
        cells.computeIfAbsent(key(cell(x), cell(y)), k -> new Cell()).add(glyph);
        return false;
    }

    private boolean matches(String text, float x, float y, float tolerance) {
        if (!(tolerance > 0)) {
            // An empty range on either axis (a glyph without width) holds nothing, as in PDFBox.
            return false;
        }
        int fromX = cell(x - tolerance);
        int toX = cell(x + tolerance);
        int fromY = cell(y - tolerance);
        int toY = cell(y + tolerance);
        if ((long) (toX - fromX + 1) * (toY - fromY + 1) > MAX_CELLS || toX < fromX || toY < fromY) {
            for (Shown glyph : shown) {
                if (glyph.matches(text, x, y, tolerance)) {
                    return true;
                }
            }
            return false;
        }
        for (int cx = fromX; cx <= toX; cx++) {
            for (int cy = fromY; cy <= toY; cy++) {
                Cell cell = cells.get(key(cx, cy));
                if (cell != null && cell.holds(text, x, y, tolerance)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int cell(float coordinate) {
        return (int) Math.floor(coordinate / CELL);
    }

    /**
     * The cell's two coordinates in one long, mixed (a bijection, so distinct cells keep distinct keys): a long's own
     * hash is its two halves exclusive-or'ed, under which the cells of a page would share a few hundred hashes.
     */
    private static long key(int cx, int cy) {
        long key = ((long) cx << 32) | (cy & 0xFFFFFFFFL);
        key = (key ^ (key >>> 33)) * 0xff51afd7ed558ccdL;
        key = (key ^ (key >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return key ^ (key >>> 33);
    }

    private record Shown(String text, float x, float y) {
        boolean matches(String otherText, float otherX, float otherY, float tolerance) {
            return x >= otherX - tolerance && x < otherX + tolerance
                    && y >= otherY - tolerance && y < otherY + tolerance
                    && text.equals(otherText);
        }
    }

    /** The shown glyphs whose position falls in one cell; most cells hold a handful. */
    private static final class Cell {
        private final List<Shown> glyphs = new ArrayList<>(4);

        void add(Shown glyph) {
            glyphs.add(glyph);
        }

        boolean holds(String text, float x, float y, float tolerance) {
            for (int i = 0; i < glyphs.size(); i++) {
                if (glyphs.get(i).matches(text, x, y, tolerance)) {
                    return true;
                }
            }
            return false;
        }
    }
}
