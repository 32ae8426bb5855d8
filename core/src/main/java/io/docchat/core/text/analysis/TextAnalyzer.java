package io.docchat.core.text.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into search terms, the same way for English and Chinese in one stream: {@link ScriptFolding folded} (NFKC,
 * and Traditional Chinese to Simplified, so both scripts give the same terms), lower case, English
 * {@link StopWords stop words} dropped and a light suffix stemmer applied; runs of Han characters become overlapping
 * bigrams (a lone character stays a unigram). Thread-safe and allocation-light.
 */
public final class TextAnalyzer {

    private TextAnalyzer() {}

    /** The terms of {@code text}, in order of occurrence (with repeats). */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String s = ScriptFolding.fold(text);
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (CjkScript.isHan(cp)) {
                int start = i;
                int prev = -1;
                int count = 0;
                while (i < n && CjkScript.isHan(s.codePointAt(i))) {
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
                    if (!Character.isLetterOrDigit(c) || CjkScript.isHan(c)) {
                        break;
                    }
                    i += Character.charCount(c);
                }
                String word = s.substring(start, i).toLowerCase(Locale.ROOT);
                if (!StopWords.isEnglish(word)) {
                    out.add(stem(word));
                }
            } else {
                i += Character.charCount(cp);
            }
        }
        return out;
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
