package io.docchat.cli.commands;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares texts ignoring case, width and whitespace. Removing all whitespace makes the comparison one of characters,
 * which is what Chinese needs (no spaces between words) and what English tolerates (line breaks, double spaces).
 */
final class TextMatch {
    private TextMatch() {}

    static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True when the normalized {@code text} contains any normalized non-empty span. */
    static boolean containsAny(String text, Iterable<String> spans) {
        String haystack = normalize(text);
        for (String span : spans) {
            String needle = normalize(span);
            if (!needle.isEmpty() && haystack.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
