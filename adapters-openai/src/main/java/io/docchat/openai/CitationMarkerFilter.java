package io.docchat.openai;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds passage markers such as {@code [2]}, {@code [1, 3]} or {@code 【2】} in an answer that arrives in arbitrary
 * pieces, records which passages they cite, and keeps or strips them from the visible text. A marker split across
 * deltas ({@code "[", "1", "]"}) is held back until it is complete or proves not to be a marker.
 */
final class CitationMarkerFilter {
    private static final int MAX_MARKER_LENGTH = 24;
    private static final Pattern MARKER_BODY = Pattern.compile("\\s*\\d{1,3}(\\s*[,，、;-]\\s*\\d{1,3})*\\s*");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");

    private final boolean keepMarkers;
    private final int passageCount;
    private final Set<Integer> cited = new LinkedHashSet<>();
    private final StringBuilder pending = new StringBuilder();

    CitationMarkerFilter(boolean keepMarkers, int passageCount) {
        this.keepMarkers = keepMarkers;
        this.passageCount = passageCount;
    }

    /** The text of {@code delta} that can be shown now. */
    String accept(String delta) {
        StringBuilder out = new StringBuilder(delta.length());
        for (int i = 0; i < delta.length(); i++) {
            accept(delta.charAt(i), out);
        }
        return out.toString();
    }

    /** Whatever is still held back, at the end of the answer. */
    String flush() {
        String rest = pending.toString();
        pending.setLength(0);
        return rest;
    }

    /** Cited passage numbers (1-based, valid ones only) in order of first citation. */
    List<Integer> citedPassages() {
        return new ArrayList<>(cited);
    }

    private void accept(char c, StringBuilder out) {
        if (pending.length() == 0) {
            if (isOpener(c)) {
                pending.append(c);
            } else {
                out.append(c);
            }
            return;
        }
        if (isCloser(c) && closes(pending.charAt(0), c)) {
            String body = pending.substring(1);
            pending.append(c);
            if (MARKER_BODY.matcher(body).matches()) {
                record(body);
                if (keepMarkers) {
                    out.append(pending);
                }
            } else {
                out.append(pending);
            }
            pending.setLength(0);
            return;
        }
        if (isMarkerBodyChar(c) && pending.length() < MAX_MARKER_LENGTH) {
            pending.append(c);
            return;
        }
        out.append(pending);
        pending.setLength(0);
        accept(c, out);
    }

    private void record(String body) {
        Matcher m = NUMBER.matcher(body);
        while (m.find()) {
            int n = Integer.parseInt(m.group());
            if (n >= 1 && n <= passageCount) {
                cited.add(n);
            }
        }
    }

    private static boolean isOpener(char c) {
        return c == '[' || c == '【' || c == '［';
    }

    private static boolean isCloser(char c) {
        return c == ']' || c == '】' || c == '］';
    }

    private static boolean closes(char opener, char closer) {
        return (opener == '[' || opener == '［') && (closer == ']' || closer == '］')
                || opener == '【' && closer == '】';
    }

    private static boolean isMarkerBodyChar(char c) {
        return (c >= '0' && c <= '9') || c == ' ' || c == ',' || c == '，' || c == '、' || c == ';' || c == '-';
    }
}
