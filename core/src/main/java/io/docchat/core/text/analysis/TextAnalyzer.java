package io.docchat.core.text.analysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into search terms, the same way for English and Chinese in one stream: NFKC (full-width to half-width),
 * lower case, English stop words dropped and a light suffix stemmer applied; runs of Han characters become overlapping
 * bigrams (a lone character stays a unigram). Thread-safe and allocation-light.
 */
public final class TextAnalyzer {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
            "will", "with", "what", "which", "who", "whom", "when", "where", "why", "how", "do", "does", "did", "its",
            "from", "has", "have", "had", "were", "been", "being", "can", "could", "would", "should", "about", "than",
            "so", "he", "she", "his", "her", "we", "you", "your", "i", "me", "my", "our", "us", "them");

    private TextAnalyzer() {}

    /** The terms of {@code text}, in order of occurrence (with repeats). */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (isHan(cp)) {
                int start = i;
                int prev = -1;
                int count = 0;
                while (i < n && isHan(s.codePointAt(i))) {
                    int c = s.codePointAt(i);
                    if (prev >= 0) {
                        out.add(new StringBuilder(4).appendCodePoint(prev).appendCodePoint(c).toString());
                    }
                    prev = c;
                    count++;
                    i += Character.charCount(c);
                }
                if (count == 1) {
                    out.add(s.substring(start, i));
                }
            } else if (Character.isLetterOrDigit(cp)) {
                int start = i;
                while (i < n) {
                    int c = s.codePointAt(i);
                    if (!Character.isLetterOrDigit(c) || isHan(c)) {
                        break;
                    }
                    i += Character.charCount(c);
                }
                String word = s.substring(start, i).toLowerCase(Locale.ROOT);
                if (!STOP_WORDS.contains(word)) {
                    out.add(stem(word));
                }
            } else {
                i += Character.charCount(cp);
            }
        }
        return out;
    }

    /** True for Han ideographs (CJK unified ideographs and their extensions and compatibility forms). */
    public static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** A light English stemmer: plural and common verb suffixes only, so that stems stay recognisable words. */
    static String stem(String w) {
        int n = w.length();
        if (n <= 3 || !Character.isLetter(w.charAt(n - 1))) {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("sses")) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("ing") && n > 5) {
            return undouble(w.substring(0, n - 3));
        }
        if (w.endsWith("ed") && n > 4) {
            return undouble(w.substring(0, n - 2));
        }
        if (w.endsWith("es") && n > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes"))) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
