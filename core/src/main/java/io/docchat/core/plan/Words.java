package io.docchat.core.plan;

import io.docchat.core.text.analysis.CjkScript;
import io.docchat.core.text.analysis.QuestionWords;
import io.docchat.core.text.analysis.StopWords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Word-level helpers shared by the subject finder and the rewriter. */
final class Words {

    /** Words that carry no subject: function words, question words, auxiliaries and vague quantities. */
    static final Set<String> FUNCTION_WORDS = union(StopWords.ENGLISH, QuestionWords.ENGLISH_WH, Set.of(
            "a", "an", "the", "and", "or", "but", "so", "of", "in", "on", "at", "to", "for", "from", "by", "with",
            "about", "into", "over", "under", "as", "than", "then", "also", "is", "are", "was", "were", "be", "been",
            "being", "am", "do", "does", "did", "done", "have", "has", "had", "can", "could", "will", "would",
            "shall", "should", "may", "might", "must", "what", "which", "who", "whom", "whose", "when", "where", "why",
            "how", "much", "many", "long", "often", "far", "old", "big", "it", "its", "they", "them", "their", "theirs",
            "this", "that", "these", "those", "he", "she", "him", "her", "his", "hers", "i", "me", "my", "we", "us",
            "our", "you", "your", "there", "here", "same", "please", "tell", "explain", "describe", "give", "show",
            "know", "any", "some", "all", "each", "every", "other", "another", "more", "most", "less", "least", "very",
            "not", "no", "yes", "if", "ok", "okay", "well", "exactly", "kind", "type", "one", "ones", "get", "got",
            "like", "just", "really", "else", "again", "now"));

    /** Question and leading words that may be capitalized at the start without naming anything. */
    static final Set<String> SENTENCE_STARTERS = Set.of(
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "is", "are", "was", "were", "do",
            "does", "did", "can", "could", "will", "would", "should", "may", "might", "tell", "please", "explain",
            "describe", "give", "list", "name", "and", "so", "also", "then", "but", "ok", "okay", "well", "in", "on",
            "at", "for", "from", "by", "with", "about", "the", "a", "an", "has", "have", "had", "if", "i", "we",
            "you", "it", "its", "they", "this", "that", "these", "those", "he", "she", "there", "show", "find",
            "compare", "among", "after", "before", "during", "since", "besides", "along", "upon", "under", "over",
            "through", "despite", "within", "without", "according", "other", "both", "each", "some", "many", "most",
            "apart", "aside", "as", "to", "of", "into", "until", "while", "although", "though", "because", "not",
            "no", "all", "any", "one", "two", "three", "following", "unlike", "like", "near", "between", "against");

    private static final Pattern ORDINAL = Pattern.compile(
            "\\d+(?:st|nd|rd|th)", Pattern.CASE_INSENSITIVE);

    private Words() {}

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    /** A word of a question with where it is. */
    record Token(String text, int start, int end) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        /** The word without a possessive ending. */
        String base() {
            if (text.endsWith("'s") || text.endsWith("’s")) {
                return text.substring(0, text.length() - 2);
            }
            if (text.endsWith("s'") || text.endsWith("s’")) {
                return text.substring(0, text.length() - 1);
            }
            return text;
        }

        boolean possessive() {
            return !base().equals(text);
        }
    }

    /** The words of {@code s}: letters and digits, with inner hyphens, dots and apostrophes ("ZX-9", "U.S.", "pump's"). */
    static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) || CjkScript.isHan(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char d = s.charAt(i);
                if (Character.isLetterOrDigit(d) && !CjkScript.isHan(d)) {
                    i++;
                } else if ((d == '-' || d == '.' || d == '\'' || d == '’' || d == '_') && i + 1 < n
                        && Character.isLetterOrDigit(s.charAt(i + 1)) && !CjkScript.isHan(s.charAt(i + 1))) {
                    i += 2;
                } else if ((d == '\'' || d == '’') && i > start && s.charAt(i - 1) == 's') {
                    // A plural possessive ("users'").
                    i++;
                    break;
                } else {
                    break;
                }
            }
            out.add(new Token(s.substring(start, i), start, i));
        }
        return out;
    }

    /** True when the text has Han characters: it is then handled as Chinese. */
    static boolean isChinese(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (CjkScript.isHan(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isFunctionWord(Token t) {
        return FUNCTION_WORDS.contains(t.lower()) || FUNCTION_WORDS.contains(t.base().toLowerCase(Locale.ROOT));
    }

    /**
     * True for a word that names something: it has a digit next to letters ("ZX-9", "iPhone"), an inner capital, or it
     * is capitalized and not merely a sentence starter.
     */
    static boolean isEntityLike(Token t, boolean first) {
        String w = t.base();
        boolean letter = false;
        boolean digit = false;
        boolean innerUpper = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
            innerUpper |= i > 0 && Character.isUpperCase(c);
        }
        if (ORDINAL.matcher(w).matches()) {
            return false;
        }
        if ((letter && digit) || (innerUpper && letter)) {
            return true;
        }
        if (!letter || !Character.isUpperCase(w.charAt(0))) {
            return false;
        }
        String lower = w.toLowerCase(Locale.ROOT);
        if (SENTENCE_STARTERS.contains(lower) || (first && FUNCTION_WORDS.contains(lower))) {
            return false;
        }
        return !first || !FUNCTION_WORDS.contains(lower);
    }

    /** A number alone ("2010") also names something in a follow-up ("what about 2010?"). */
    static boolean isNumber(Token t) {
        for (int i = 0; i < t.text().length(); i++) {
            if (!Character.isDigit(t.text().charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
