package io.docchat.documents;

import io.docchat.core.text.analysis.CjkScript;
import io.docchat.core.model.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the glyphs of one page into lines in reading order.
 *
 * <p>Glyphs are grouped into rows by baseline and rows into fragments at wide horizontal gaps. The fragments are then
 * ordered by a recursive XY cut: a region is split at a vertical gutter when both sides look like columns of running
 * text, or one side is a margin of line numbers (so multi-column pages read column by column); gutters narrower than
 * a wide word space are found as vertical strips no row inks. Otherwise a region is split at horizontal white space
 * clearly taller than its line spacing, otherwise around the full-width lines (titles) that hide a gutter. What
 * remains is read row by row; a row whose fragments are far apart is a table row and its cells are separated by
 * {@code " | "}. Table columns never pass for text columns, which keeps tables row by row.
 */
final class PdfPageLayout {

    /** Rows are glyphs whose baselines differ by less than this many font sizes (superscripts stay on their line). */
    private static final float ROW_TOLERANCE = 0.45f;
    /** A horizontal gap wider than this many font sizes ends a fragment: it is a gutter or a table cell border. */
    private static final float FRAGMENT_GAP = 0.95f;
    /** Fragments of one row farther apart than this many font sizes are separate table cells. */
    private static final float CELL_GAP = 1.8f;
    /** A column of text is at least this many font sizes wide. */
    private static final float MIN_COLUMN_WIDTH = 6f;
    /** Without enough lines to know their pitch, white space taller than this many font sizes starts a paragraph. */
    private static final float PARAGRAPH_GAP = 0.7f;
    /** Horizontal white space splits a region only when clearly taller than its usual gap between lines. */
    private static final float BAND_GAP_TO_LINE_GAP = 1.6f;
    /** Margin items (line numbers) have at most this many characters ... */
    private static final int MARGIN_ITEM_CHARS = 5;
    /** ... and their strip is at most this many font sizes wide. */
    private static final float MARGIN_WIDTH = 4f;
    /** ... and they stand well apart from the text, unlike list numbers or a word every line starts with. */
    private static final float MARGIN_GAP = 1.5f;
    /** A step between lines this much larger than the region's usual line pitch starts a paragraph. */
    private static final float PARAGRAPH_PITCH = 1.3f;
    private static final int MAX_DEPTH = 40;
    /** Rows of other columns may sit between a script and its line, so look this many rows either way. */
    private static final int SCRIPT_SEARCH_ROWS = 3;
    /** Horizontal white space thinner than this many font sizes never splits a region. */
    private static final float BAND_GAP = 0.4f;
    /** A gutter strip may be inked by at most this share of the region's rows (titles crossing it). */
    private static final float GUTTER_INK = 0.06f;
    /** Both sides of a gutter must be inked by at least this share of the rows somewhere. */
    private static final float GUTTER_SIDES = 0.4f;
    private static final int MIN_GUTTER_ROWS = 4;
    private static final int MIN_GUTTER_WIDTH = 2;
    private static final int MAX_BINS = 20_000;

    private PdfPageLayout() {}

    /** The page's lines in reading order: upright text first, then text in other directions. */
    static List<PdfLine> lines(List<PdfGlyph> glyphs) {
        List<PdfLine> out = new ArrayList<>();
        for (int direction = 0; direction < 4; direction++) {
            List<PdfGlyph> group = new ArrayList<>();
            for (PdfGlyph glyph : glyphs) {
                if (glyph.direction == direction) {
                    group.add(glyph);
                }
            }
            if (!group.isEmpty()) {
                layoutDirection(group, out);
            }
        }
        return out;
    }

    private static void layoutDirection(List<PdfGlyph> glyphs, List<PdfLine> out) {
        List<Fragment> fragments = fragments(glyphs);
        List<List<Fragment>> leaves = new ArrayList<>();
        cut(fragments, leaves, 0);
        for (List<Fragment> leaf : leaves) {
            emitLeaf(leaf, out);
        }
    }

    // ---- rows and fragments ----

    private static List<Fragment> fragments(List<PdfGlyph> glyphs) {
        glyphs.sort(Comparator.comparingDouble(g -> g.baseline));
        List<List<PdfGlyph>> rows = new ArrayList<>();
        int start = 0;
        while (start < glyphs.size()) {
            PdfGlyph first = glyphs.get(start);
            float rowSize = first.size;
            int end = start + 1;
            while (end < glyphs.size()) {
                PdfGlyph next = glyphs.get(end);
                if (next.baseline - first.baseline > ROW_TOLERANCE * Math.max(rowSize, next.size)) {
                    break;
                }
                rowSize = Math.max(rowSize, next.size);
                end++;
            }
            rows.add(new ArrayList<>(glyphs.subList(start, end)));
            start = end;
        }
        mergeScripts(rows);
        List<Fragment> fragments = new ArrayList<>();
        int rowIndex = 0;
        for (List<PdfGlyph> row : rows) {
            if (row.isEmpty()) {
                continue;
            }
            row.sort(Comparator.comparingDouble(g -> g.frameLeft));
            splitRow(row, rowIndex++, fragments);
        }
        return fragments;
    }

    /**
     * A row of small glyphs whose baseline lies within the body of a neighbouring row of larger glyphs is a
     * superscript or subscript ("10th", "H2O", footnote marks): it joins that row instead of becoming a line.
     */
    private static void mergeScripts(List<List<PdfGlyph>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            List<PdfGlyph> row = rows.get(i);
            if (row.isEmpty()) {
                continue;
            }
            float size = maxSize(row);
            float baseline = row.get(0).baseline;
            boolean merged = false;
            for (int k = 1; k <= SCRIPT_SEARCH_ROWS * 2 && !merged; k++) {
                int j = (k & 1) == 1 ? i + (k + 1) / 2 : i - k / 2;
                if (j < 0 || j >= rows.size() || rows.get(j).isEmpty()) {
                    continue;
                }
                List<PdfGlyph> other = rows.get(j);
                float otherSize = maxSize(other);
                if (size >= 0.85f * otherSize) {
                    continue;
                }
                float top = Float.MAX_VALUE;
                float bottom = -Float.MAX_VALUE;
                for (PdfGlyph g : other) {
                    top = Math.min(top, g.frameTop);
                    bottom = Math.max(bottom, g.frameBottom);
                }
                if (baseline > top && baseline < bottom) {
                    other.addAll(row);
                    row.clear();
                    merged = true;
                }
            }
        }
    }

    private static float maxSize(List<PdfGlyph> row) {
        float size = 0;
        for (PdfGlyph g : row) {
            size = Math.max(size, g.size);
        }
        return size;
    }

    private static void splitRow(List<PdfGlyph> row, int rowIndex, List<Fragment> out) {
        int start = 0;
        float right = row.get(0).frameRight;
        for (int i = 1; i < row.size(); i++) {
            PdfGlyph glyph = row.get(i);
            float size = Math.max(glyph.size, row.get(i - 1).size);
            if (glyph.frameLeft - right > FRAGMENT_GAP * size) {
                out.add(new Fragment(row.subList(start, i), rowIndex));
                start = i;
                right = glyph.frameRight;
            } else {
                right = Math.max(right, glyph.frameRight);
            }
        }
        out.add(new Fragment(row.subList(start, row.size()), rowIndex));
    }

    // ---- recursive XY cut ----

    private static void cut(List<Fragment> region, List<List<Fragment>> leaves, int depth) {
        if (region.size() <= 1 || depth > MAX_DEPTH) {
            leaves.add(region);
            return;
        }
        List<List<Fragment>> columns = columnSplit(region);
        if (columns != null) {
            for (List<Fragment> column : columns) {
                cut(column, leaves, depth + 1);
            }
            return;
        }
        List<Fragment> split = splitAtInkGutter(region);
        if (split != null) {
            List<List<Fragment>> parts = columnSplit(split);
            if (parts == null) {
                parts = splitAroundSpanningLines(split);
            }
            if (parts != null) {
                for (List<Fragment> part : parts) {
                    cut(part, leaves, depth + 1);
                }
                return;
            }
        }
        List<List<Fragment>> bands = bandSplit(region);
        if (bands.size() > 1) {
            for (List<Fragment> band : bands) {
                cut(band, leaves, depth + 1);
            }
            return;
        }
        List<List<Fragment>> segments = splitAroundSpanningLines(region);
        if (segments != null) {
            for (List<Fragment> segment : segments) {
                cut(segment, leaves, depth + 1);
            }
            return;
        }
        leaves.add(region);
    }

    /**
     * Justified columns can sit closer together than a wide word space, so a row may run across a gutter as one
     * fragment. The gutter still shows as a vertical strip that (almost) no row inks while many rows ink both sides
     * of it. Returns the region with fragments cut at such a strip, or null when there is none.
     */
    private static List<Fragment> splitAtInkGutter(List<Fragment> region) {
        float minLeft = Float.MAX_VALUE;
        float maxRight = -Float.MAX_VALUE;
        int rows = 0;
        int lastRow = Integer.MIN_VALUE;
        List<Fragment> byRow = new ArrayList<>(region);
        byRow.sort(Comparator.comparingInt(f -> f.rowIndex));
        for (Fragment f : byRow) {
            minLeft = Math.min(minLeft, f.frameLeft);
            maxRight = Math.max(maxRight, f.frameRight);
            if (f.rowIndex != lastRow) {
                rows++;
                lastRow = f.rowIndex;
            }
        }
        if (rows < MIN_GUTTER_ROWS || maxRight - minLeft > MAX_BINS) {
            return null;
        }
        int bins = (int) Math.ceil(maxRight - minLeft) + 1;
        int[] ink = new int[bins];
        int[] stamp = new int[bins];
        Arrays.fill(stamp, Integer.MIN_VALUE);
        for (Fragment f : byRow) {
            for (PdfGlyph g : f.glyphs) {
                int from = Math.max(0, (int) (g.frameLeft - minLeft));
                int to = Math.min(bins - 1, (int) (g.frameRight - minLeft));
                for (int b = from; b <= to; b++) {
                    if (stamp[b] != f.rowIndex) {
                        stamp[b] = f.rowIndex;
                        ink[b]++;
                    }
                }
            }
        }
        int white = Math.max(1, Math.round(GUTTER_INK * rows));
        int[] leftMax = new int[bins];
        int[] rightMax = new int[bins];
        for (int b = 0; b < bins; b++) {
            leftMax[b] = Math.max(b > 0 ? leftMax[b - 1] : 0, ink[b]);
        }
        for (int b = bins - 1; b >= 0; b--) {
            rightMax[b] = Math.max(b < bins - 1 ? rightMax[b + 1] : 0, ink[b]);
        }
        float bestScore = 0;
        float gutter = Float.NaN;
        int b = 0;
        while (b < bins) {
            if (ink[b] > white) {
                b++;
                continue;
            }
            int start = b;
            while (b < bins && ink[b] <= white) {
                b++;
            }
            int end = b - 1;
            if (start == 0 || b >= bins || end - start + 1 < MIN_GUTTER_WIDTH) {
                continue;
            }
            int sides = Math.min(leftMax[start - 1], rightMax[b]);
            if (sides >= GUTTER_SIDES * rows) {
                float score = sides + (end - start + 1) / (float) bins;
                if (score > bestScore) {
                    bestScore = score;
                    gutter = minLeft + (start + end + 1) / 2f;
                }
            }
        }
        if (Float.isNaN(gutter)) {
            return null;
        }
        List<Fragment> out = new ArrayList<>(region.size() + rows);
        boolean changed = false;
        for (Fragment f : region) {
            int cutAt = -1;
            for (int i = 1; i < f.glyphs.size(); i++) {
                if (f.glyphs.get(i - 1).frameRight <= gutter + 0.5f && f.glyphs.get(i).frameLeft >= gutter - 0.5f) {
                    cutAt = i;
                    break;
                }
            }
            if (cutAt > 0) {
                out.add(new Fragment(f.glyphs.subList(0, cutAt), f.rowIndex));
                out.add(new Fragment(f.glyphs.subList(cutAt, f.glyphs.size()), f.rowIndex));
                changed = true;
            } else {
                out.add(f);
            }
        }
        return changed ? out : null;
    }

    /**
     * The region cut at every white vertical strip that has a column of running text on both sides, left to right;
     * null when there is none. Strips next to something else (table cells, a page number) do not cut.
     */
    private static List<List<Fragment>> columnSplit(List<Fragment> region) {
        List<Fragment> byLeft = new ArrayList<>(region);
        byLeft.sort(Comparator.comparingDouble(f -> f.frameLeft));
        float minGap = 0.25f * medianSize(region);
        List<List<Fragment>> segments = new ArrayList<>();
        List<Float> gaps = new ArrayList<>();
        List<Fragment> current = new ArrayList<>();
        float maxRight = -Float.MAX_VALUE;
        for (Fragment f : byLeft) {
            if (!current.isEmpty() && f.frameLeft - maxRight > minGap) {
                segments.add(current);
                gaps.add(f.frameLeft - maxRight);
                current = new ArrayList<>();
            }
            current.add(f);
            maxRight = Math.max(maxRight, f.frameRight);
        }
        segments.add(current);
        if (segments.size() < 2) {
            return null;
        }
        float medianSize = medianSize(region);
        boolean[] text = new boolean[segments.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = isTextColumn(segments.get(i), medianSize);
        }
        boolean[] margin = new boolean[segments.size()];
        for (int i = 0; i < margin.length; i++) {
            margin[i] = !text[i] && isMargin(segments.get(i), medianSize);
        }
        List<List<Fragment>> columns = new ArrayList<>();
        List<List<Fragment>> margins = new ArrayList<>();
        List<Fragment> column = new ArrayList<>(segments.get(0));
        boolean columnIsMargin = margin[0];
        for (int i = 1; i < segments.size(); i++) {
            boolean cut = text[i - 1] && text[i]
                    || (text[i - 1] && margin[i] || margin[i - 1] && text[i])
                    && gaps.get(i - 1) >= MARGIN_GAP * medianSize;
            if (cut) {
                (columnIsMargin ? margins : columns).add(column);
                column = new ArrayList<>();
                columnIsMargin = margin[i];
            }
            column.addAll(segments.get(i));
        }
        (columnIsMargin ? margins : columns).add(column);
        // Margin material (line numbers, change bars with numbers) is read after the text it accompanies.
        columns.addAll(margins);
        return columns.size() > 1 ? columns : null;
    }

    /** A narrow strip of short items beside the text, such as line numbers. */
    private static boolean isMargin(List<Fragment> side, float medianSize) {
        if (side.size() < 3) {
            return false;
        }
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (Fragment f : side) {
            if (f.glyphs.size() > MARGIN_ITEM_CHARS) {
                return false;
            }
            left = Math.min(left, f.frameLeft);
            right = Math.max(right, f.frameRight);
        }
        return right - left < MARGIN_WIDTH * medianSize;
    }

    /** Running text fills its column: most of its lines span most of the column's width. */
    private static boolean isTextColumn(List<Fragment> side, float medianSize) {
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (Fragment f : side) {
            left = Math.min(left, f.frameLeft);
            right = Math.max(right, f.frameRight);
        }
        float width = right - left;
        if (width < MIN_COLUMN_WIDTH * medianSize) {
            return false;
        }
        int full = 0;
        for (Fragment f : side) {
            if (f.frameRight - f.frameLeft >= 0.5f * width) {
                full++;
            }
        }
        return full >= 2 && full >= 0.6f * side.size();
    }

    /** The region split at every horizontal band of white space wider than line spacing, top to bottom. */
    private static List<List<Fragment>> bandSplit(List<Fragment> region) {
        List<Fragment> byTop = new ArrayList<>(region);
        byTop.sort(Comparator.comparingDouble(f -> f.frameTop));
        List<List<Fragment>> bands = new ArrayList<>();
        List<Fragment> current = new ArrayList<>();
        float maxBottom = -Float.MAX_VALUE;
        float minGap = Math.max(BAND_GAP * medianSize(region), BAND_GAP_TO_LINE_GAP * typicalLineGap(byTop));
        for (Fragment f : byTop) {
            if (!current.isEmpty() && f.frameTop - maxBottom > minGap) {
                bands.add(current);
                current = new ArrayList<>();
            }
            current.add(f);
            maxBottom = Math.max(maxBottom, f.frameBottom);
        }
        bands.add(current);
        return bands;
    }

    /** The median white space between successive rows of a region sorted by top, or 0 when none. */
    private static float typicalLineGap(List<Fragment> byTop) {
        List<Float> gaps = new ArrayList<>();
        float maxBottom = -Float.MAX_VALUE;
        int lastRow = Integer.MIN_VALUE;
        for (Fragment f : byTop) {
            if (lastRow != Integer.MIN_VALUE && f.rowIndex != lastRow && f.frameTop > maxBottom) {
                gaps.add(f.frameTop - maxBottom);
            }
            maxBottom = Math.max(maxBottom, f.frameBottom);
            lastRow = f.rowIndex;
        }
        if (gaps.isEmpty()) {
            return 0;
        }
        gaps.sort(null);
        return gaps.get(gaps.size() / 2);
    }

    /**
     * A title spanning several columns joins them into one band. Take the wide lines out; if the rest has a gutter,
     * split the region at the wide lines, each wide line its own segment.
     */
    private static List<List<Fragment>> splitAroundSpanningLines(List<Fragment> region) {
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (Fragment f : region) {
            left = Math.min(left, f.frameLeft);
            right = Math.max(right, f.frameRight);
        }
        float width = right - left;
        List<Fragment> wide = new ArrayList<>();
        List<Fragment> narrow = new ArrayList<>();
        for (Fragment f : region) {
            (f.frameRight - f.frameLeft > 0.55f * width ? wide : narrow).add(f);
        }
        if (wide.isEmpty() || narrow.size() < 2 || columnSplit(narrow) == null) {
            return null;
        }
        wide.sort(Comparator.comparingDouble(f -> f.frameTop));
        List<List<Fragment>> segments = new ArrayList<>();
        List<Fragment> remaining = new ArrayList<>(narrow);
        for (Fragment w : wide) {
            List<Fragment> above = new ArrayList<>();
            List<Fragment> below = new ArrayList<>();
            for (Fragment f : remaining) {
                ((f.frameTop + f.frameBottom) / 2 < w.frameTop ? above : below).add(f);
            }
            if (!above.isEmpty()) {
                segments.add(above);
            }
            segments.add(List.of(w));
            remaining = below;
        }
        if (!remaining.isEmpty()) {
            segments.add(remaining);
        }
        return segments.size() > 1 ? segments : null;
    }

    private static float medianSize(List<Fragment> region) {
        float[] sizes = new float[region.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = region.get(i).size;
        }
        Arrays.sort(sizes);
        return Math.max(1f, sizes[sizes.length / 2]);
    }

    // ---- leaves to lines ----

    private static void emitLeaf(List<Fragment> leaf, List<PdfLine> out) {
        List<Fragment> ordered = new ArrayList<>(leaf);
        ordered.sort(Comparator.<Fragment>comparingInt(f -> f.rowIndex).thenComparingDouble(f -> f.frameLeft));
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while (i < ordered.size()) {
            int j = i + 1;
            while (j < ordered.size() && ordered.get(j).rowIndex == ordered.get(i).rowIndex) {
                j++;
            }
            Row row = row(ordered.subList(i, j));
            if (!row.text.isEmpty()) {
                rows.add(row);
            }
            i = j;
        }
        float[] pitches = new float[Math.max(0, rows.size() - 1)];
        for (int r = 1; r < rows.size(); r++) {
            pitches[r - 1] = rows.get(r).frameTop - rows.get(r - 1).frameTop;
        }
        Arrays.sort(pitches);
        float typicalPitch = pitches.length >= 2 ? pitches[pitches.length / 2] : Float.NaN;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            boolean startsParagraph = r == 0;
            if (r > 0) {
                Row previous = rows.get(r - 1);
                float pitch = row.frameTop - previous.frameTop;
                float gap = row.frameTop - previous.frameBottom;
                // Lines of a paragraph repeat one pitch; a larger step is a paragraph gap. Without enough lines to
                // know the pitch, white space taller than most line gaps decides.
                startsParagraph = Float.isNaN(typicalPitch)
                        ? gap > PARAGRAPH_GAP * row.size
                        : pitch > PARAGRAPH_PITCH * typicalPitch || gap > 2.5f * row.size;
            }
            out.add(new PdfLine(row.text, row.box, row.size, row.table, startsParagraph));
        }
    }

    private static Row row(List<Fragment> fragments) {
        StringBuilder text = new StringBuilder();
        boolean table = false;
        float left = Float.MAX_VALUE;
        float top = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;
        float frameTop = Float.MAX_VALUE;
        float frameBottom = -Float.MAX_VALUE;
        float dominantSize = 0;
        int dominantChars = -1;
        Fragment previous = null;
        for (Fragment f : fragments) {
            String fragmentText = f.text();
            if (previous != null) {
                float gap = f.frameLeft - previous.frameRight;
                if (gap >= CELL_GAP * Math.max(f.size, previous.size)) {
                    text.append(" | ");
                    table = true;
                } else if (!(CjkScript.endsWithCjk(text) && CjkScript.startsWithCjk(fragmentText))) {
                    text.append(' ');
                }
            }
            text.append(fragmentText);
            left = Math.min(left, f.left);
            top = Math.min(top, f.top);
            right = Math.max(right, f.right);
            bottom = Math.max(bottom, f.bottom);
            frameTop = Math.min(frameTop, f.frameTop);
            frameBottom = Math.max(frameBottom, f.frameBottom);
            if (f.glyphs.size() > dominantChars) {
                dominantChars = f.glyphs.size();
                dominantSize = f.size;
            }
            previous = f;
        }
        return new Row(text.toString().strip(), new Box(left, top, right - left, bottom - top), dominantSize, table,
                frameTop, frameBottom);
    }

    /** A row of a leaf, ready to become a line. */
    private record Row(String text, Box box, float size, boolean table, float frameTop, float frameBottom) {}

    /** Glyphs of one row that sit close together: a run of words, a table cell, or a column's line. */
    private static final class Fragment {
        final List<PdfGlyph> glyphs;
        final int rowIndex;
        final float size;
        final float frameLeft;
        final float frameRight;
        final float frameTop;
        final float frameBottom;
        final float left;
        final float top;
        final float right;
        final float bottom;

        Fragment(List<PdfGlyph> glyphs, int rowIndex) {
            this.glyphs = glyphs;
            this.rowIndex = rowIndex;
            float size = 0;
            float fl = Float.MAX_VALUE;
            float fr = -Float.MAX_VALUE;
            float ft = Float.MAX_VALUE;
            float fb = -Float.MAX_VALUE;
            float l = Float.MAX_VALUE;
            float t = Float.MAX_VALUE;
            float r = -Float.MAX_VALUE;
            float b = -Float.MAX_VALUE;
            for (PdfGlyph g : glyphs) {
                size = Math.max(size, g.size);
                fl = Math.min(fl, g.frameLeft);
                fr = Math.max(fr, g.frameRight);
                ft = Math.min(ft, g.frameTop);
                fb = Math.max(fb, g.frameBottom);
                l = Math.min(l, g.left);
                t = Math.min(t, g.top);
                r = Math.max(r, g.right);
                b = Math.max(b, g.bottom);
            }
            this.size = size;
            this.frameLeft = fl;
            this.frameRight = fr;
            this.frameTop = ft;
            this.frameBottom = fb;
            this.left = l;
            this.top = t;
            this.right = r;
            this.bottom = b;
        }

        /** The fragment's text: spaces where the PDF has them or the gap says so, none between CJK characters. */
        String text() {
            StringBuilder sb = new StringBuilder(glyphs.size() + 8);
            PdfGlyph previous = null;
            for (PdfGlyph g : glyphs) {
                if (previous != null && !(previous.cjk && g.cjk)) {
                    float gap = g.frameLeft - previous.frameRight;
                    float size = Math.max(previous.size, g.size);
                    float threshold = Math.min(0.3f * size, Math.max(0.15f * size, 0.45f * previous.spaceWidth));
                    boolean explicitSpace = g.spaceBefore && g.sequence == previous.sequence + 1
                            && gap > -0.1f * size;
                    if (gap > threshold || explicitSpace) {
                        sb.append(' ');
                    }
                }
                sb.append(g.text);
                previous = g;
            }
            return sb.toString();
        }
    }
}
