package io.docchat.core.text.chunking;

import io.docchat.core.text.analysis.CjkScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences, for English and Chinese alike.
 *
 * <p>An English sentence ends at {@code .}, {@code ?} or {@code !} (with any closing quotes or brackets) followed by
 * whitespace or the end of the text, except after a known abbreviation ("e.g.", "Dr.", "U.S." before a lower-case
 * word), a single initial ("J. Smith") or inside a number ("3.5"). A Chinese sentence ends at {@code 。！？；} and their
 * full- and half-width variants, with no space needed. A line break always ends a sentence: callers join wrapped lines
 * of a paragraph before splitting, so a remaining newline separates blocks, table rows or list items, which are units
 * of their own even without punctuation.
 *
 * <p>Spans exclude leading and trailing whitespace; blank text has no sentences. Stateless and thread-safe.
 */
public final class SentenceSplitter {

    /** Abbreviations after which a period never ends a sentence (lower case, without the final period). */
    private static final Set<String> NEVER_FINAL = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "e.g", "i.e", "cf", "fig", "figs", "no",
            "nos", "vol", "pp", "approx", "dept", "est", "gen", "gov", "sen", "rep", "capt", "col", "lt", "sgt",
            "rev", "hon", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "ca", "eq", "ed", "al", "op", "ref", "sec", "ch", "art", "resp");

    /**
     * Abbreviations that usually do not end a sentence but may ("the U.S. Army" vs "... in the U.S. The"): the
     * period ends the sentence only when the next word starts with a capital letter.
     */
    private static final Set<String> FINAL_BEFORE_CAPITAL = Set.of("etc", "u.s", "u.k", "u.n", "a.m", "p.m", "e.u");

    private SentenceSplitter() {}

    /** The sentences of {@code text} as spans, in order; whitespace between sentences belongs to none. */
    public static List<TextSpan> sentences(String text) {
        List<TextSpan> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '\n' || c == '\r') {
                end = i;
            } else if (isChineseTerminator(c)) {
                end = skipClosers(text, i + 1);
            } else if (c == '.' || c == '?' || c == '!' || c == '…') {
                int after = skipRepeats(text, i, c);
                after = skipClosers(text, after);
                if (after >= n || Character.isWhitespace(text.charAt(after)) || CjkScript.isCjk(text.charAt(after))) {
                    if (c != '.' || after - i > 1 || periodEndsSentence(text, i, after)) {
                        end = after;
                    }
                }
                if (end < 0) {
                    i = after;
                    continue;
                }
            }
            if (end >= 0) {
                add(out, text, start, end);
                start = end;
                i = Math.max(end, i + 1);
            } else {
                i++;
            }
        }
        add(out, text, start, n);
        return out;
    }

    private static void add(List<TextSpan> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new TextSpan(start, end));
        }
    }

    /** Decides a single period at {@code dot} followed by whitespace or the end; {@code after} is past any closers. */
    private static boolean periodEndsSentence(String text, int dot, int after) {
        int wordStart = dot;
        // The token before the period, with inner periods ("e.g", "U.S") but no other punctuation.
        while (wordStart > 0) {
            char p = text.charAt(wordStart - 1);
            if (Character.isLetterOrDigit(p) || (p == '.' && wordStart - 1 > 0
                    && Character.isLetter(text.charAt(wordStart - 2)))) {
                wordStart--;
            } else {
                break;
            }
        }
        if (wordStart == dot) {
            return true;
        }
        String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
        int next = after;
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        boolean atEnd = next >= text.length() || text.charAt(next) == '\n' || text.charAt(next) == '\r';
        if (atEnd) {
            return true;
        }
        char nextChar = text.charAt(next);
        if (NEVER_FINAL.contains(word)) {
            // "No. 5" and "Fig. 3" never end; "no." at the end of a sentence before a capital does ("I said no. Then").
            return word.equals("no") && Character.isUpperCase(nextChar)
                    && !Character.isUpperCase(text.charAt(wordStart));
        }
        if (FINAL_BEFORE_CAPITAL.contains(word)) {
            return Character.isUpperCase(nextChar);
        }
        if (word.length() == 1 && Character.isUpperCase(text.charAt(wordStart))) {
            // A single capital is an initial ("J. R. R. Tolkien").
            return false;
        }
        if (word.indexOf('.') > 0 && !Character.isUpperCase(nextChar)) {
            // An unknown dotted abbreviation ("a.k.a.", "Ph.D.") before a lower-case word.
            return false;
        }
        // A lower-case continuation after a period is more often an unknown abbreviation than a new sentence.
        return !Character.isLowerCase(nextChar);
    }

    private static int skipRepeats(String text, int i, char c) {
        int j = i + 1;
        while (j < text.length() && (text.charAt(j) == c || text.charAt(j) == '?' || text.charAt(j) == '!')) {
            j++;
        }
        return j;
    }

    private static int skipClosers(String text, int i) {
        while (i < text.length() && isCloser(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '’' || c == '”' || c == '」' || c == '』'
                || c == '）' || c == '》' || c == '】' || c == '〕';
    }

    private static boolean isChineseTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '｡';
    }
}
