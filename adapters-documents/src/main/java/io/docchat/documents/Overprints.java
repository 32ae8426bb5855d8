package io.docchat.documents;

import java.util.Arrays;

/**
 * The glyphs of one page already shown, to recognise one painted again over its like: how Word and other writers
 * fake bold, which text extraction must read once. The rule is PDFBox's own ({@code PDFTextStripper} with duplicate
 * suppression): a glyph repeats an earlier shown one of the same text whose position lies within a third of the new
 * glyph's width per character, at or after {@code position - tolerance} and before {@code position + tolerance} on
 * both axes. PDFBox keeps the positions in sorted maps searched through new views for every glyph, about a tenth of
 * a book's parse; here they sit in a grid of square cells, an open-addressing table of primitive arrays (a page has
 * thousands of glyphs, and this runs for every one), so a glyph costs a few probes and no allocation.
 */
final class Overprints {
    /** A cell's side in text-space units: a glyph's tolerance is a third of its width, so a few cells at most. */
    private static final float CELL = 8f;
    /** Beyond this many cells to visit (a glyph of absurd width), every shown glyph is compared instead. */
    private static final int MAX_CELLS = 64;
    private static final int NONE = -1;

    /** The shown glyphs, in order; {@code previous} chains those of one cell, newest first. */
    private String[] texts = new String[256];
    private float[] xs = new float[256];
    private float[] ys = new float[256];
    private int[] previous = new int[256];
    private int count;

    /** The table of cells: a key per slot and the newest glyph of that cell, {@link #NONE} in an empty slot. */
    private long[] keys = new long[512];
    private int[] newest = filled(512);
    private int cells;

    /** Forgets the page's glyphs, before the next page. */
    void clear() {
        Arrays.fill(texts, 0, count, null);
        count = 0;
        Arrays.fill(newest, NONE);
        cells = 0;
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
        add(text, x, y);
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
        if (toX < fromX || toY < fromY || (long) (toX - fromX + 1) * (toY - fromY + 1) > MAX_CELLS) {
            for (int glyph = 0; glyph < count; glyph++) {
                if (matches(glyph, text, x, y, tolerance)) {
                    return true;
                }
            }
            return false;
        }
        for (int cx = fromX; cx <= toX; cx++) {
            for (int cy = fromY; cy <= toY; cy++) {
                int slot = slot(key(cx, cy));
                for (int glyph = newest[slot]; glyph != NONE; glyph = previous[glyph]) {
                    if (matches(glyph, text, x, y, tolerance)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean matches(int glyph, String text, float x, float y, float tolerance) {
        float shownX = xs[glyph];
        float shownY = ys[glyph];
        return shownX >= x - tolerance && shownX < x + tolerance
                && shownY >= y - tolerance && shownY < y + tolerance
                && texts[glyph].equals(text);
    }

    private void add(String text, float x, float y) {
        if (count == texts.length) {
            int capacity = count * 2;
            texts = Arrays.copyOf(texts, capacity);
            xs = Arrays.copyOf(xs, capacity);
            ys = Arrays.copyOf(ys, capacity);
            previous = Arrays.copyOf(previous, capacity);
        }
        long key = key(cell(x), cell(y));
        int slot = slot(key);
        if (newest[slot] == NONE) {
            keys[slot] = key;
            cells++;
        }
        texts[count] = text;
        xs[count] = x;
        ys[count] = y;
        previous[count] = newest[slot];
        newest[slot] = count++;
        if (cells * 2 > keys.length) {
            grow();
        }
    }

    /** The slot holding the cell, or the empty slot where it would go. */
    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = (int) key & mask;
        while (newest[slot] != NONE && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldNewest = newest;
        keys = new long[oldKeys.length * 2];
        newest = filled(keys.length);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldNewest[i] != NONE) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                newest[slot] = oldNewest[i];
            }
        }
    }

    private static int[] filled(int length) {
        int[] slots = new int[length];
        Arrays.fill(slots, NONE);
        return slots;
    }

    private static int cell(float coordinate) {
        return (int) Math.floor(coordinate / CELL);
    }

    /**
     * The cell's two coordinates in one long, mixed (a bijection, so distinct cells keep distinct keys) so that the
     * low bits that pick a slot depend on both.
     */
    private static long key(int cx, int cy) {
        long key = ((long) cx << 32) | (cy & 0xFFFFFFFFL);
        key = (key ^ (key >>> 33)) * 0xff51afd7ed558ccdL;
        key = (key ^ (key >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return key ^ (key >>> 33);
    }
}
