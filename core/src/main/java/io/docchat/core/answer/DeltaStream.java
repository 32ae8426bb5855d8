package io.docchat.core.answer;

import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.text.analysis.CjkScript;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a finished answer in pieces, as a generative model would: a few words per delta for alphabetic text, a few
 * characters for Chinese, and always more than one delta for text of more than one word. Citations are final from
 * the start.
 */
final class DeltaStream implements AnswerStream {

    private static final int MAX_WORDS_PER_DELTA = 4;
    private static final int MAX_HAN_PER_DELTA = 6;

    private final List<String> deltas;
    private final List<CitedSpan> citations;
    private int next;
    private volatile boolean closed;

    DeltaStream(String text, List<CitedSpan> citations) {
        this.deltas = split(text);
        this.citations = List.copyOf(citations);
    }

    @Override
    public String nextDelta() {
        if (closed || next >= deltas.size()) {
            return null;
        }
        return deltas.get(next++);
    }

    @Override
    public boolean deltaReady() {
        return !closed && next < deltas.size();
    }

    @Override
    public List<CitedSpan> citations() {
        return citations;
    }

    @Override
    public boolean citationsKnownUpFront() {
        return true;
    }

    @Override
    public void close() {
        closed = true;
    }

    /**
     * Cuts the text into deltas that concatenate back to it exactly. Units are words with their following whitespace,
     * and single Han characters; the number of units per delta grows with the length of the text, up to a few words.
     */
    static List<String> split(String text) {
        List<int[]> units = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int hanUnits = 0;
        while (i < n) {
            int start = i;
            int cp = text.codePointAt(i);
            if (CjkScript.isCjk(cp) || Character.charCount(cp) == 2) {
                i += Character.charCount(cp);
                hanUnits++;
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i)) && !CjkScript.isCjk(text.charAt(i))) {
                    i++;
                }
            }
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            units.add(new int[] {start, i});
        }
        boolean mostlyHan = hanUnits * 2 > units.size();
        int cap = mostlyHan ? MAX_HAN_PER_DELTA : MAX_WORDS_PER_DELTA;
        int perDelta = Math.max(1, Math.min(cap, units.size() / 2));
        List<String> out = new ArrayList<>(units.size() / perDelta + 1);
        for (int u = 0; u < units.size(); u += perDelta) {
            int last = Math.min(units.size(), u + perDelta) - 1;
            out.add(text.substring(units.get(u)[0], units.get(last)[1]));
        }
        return out;
    }
}
