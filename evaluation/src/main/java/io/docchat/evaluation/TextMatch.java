package io.docchat.evaluation;

import io.docchat.core.text.analysis.CjkScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares an answer with gold answer spans: whether it contains one (ignoring case, width and whitespace, so
 * Chinese is compared character by character), and how precisely it matches one, as the SQuAD token F1 (lower case,
 * punctuation and articles removed) for alphabetic text and character F1 for Chinese.
 */
public final class TextMatch {
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private TextMatch() {}

    /** NFKC, lower case, without whitespace. */
    public static String normalize(String text) {
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
    public static boolean containsAny(String text, Iterable<String> spans) {
        String haystack = normalize(text);
        for (String span : spans) {
            String needle = normalize(span);
            if (!needle.isEmpty() && haystack.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** The best F1 of the answer against any gold span: character F1 when the span is Chinese, else token F1. */
    public static double bestF1(String answer, List<String> golds) {
        double best = 0;
        for (String gold : golds) {
            boolean chinese = CjkScript.containsHan(gold);
            List<String> a = chinese ? characters(answer) : tokens(answer);
            List<String> g = chinese ? characters(gold) : tokens(gold);
            best = Math.max(best, f1(a, g));
        }
        return best;
    }

    private static double f1(List<String> answer, List<String> gold) {
        if (answer.isEmpty() || gold.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String t : gold) {
            counts.merge(t, 1, Integer::sum);
        }
        int common = 0;
        for (String t : answer) {
            Integer left = counts.get(t);
            if (left != null && left > 0) {
                common++;
                counts.put(t, left - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / answer.size();
        double recall = (double) common / gold.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** SQuAD's normalisation: lower case, punctuation removed, articles dropped, split at whitespace. */
    static List<String> tokens(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isLetterOrDigit(c) || Character.isWhitespace(c) ? c : ' ');
        }
        List<String> out = new ArrayList<>();
        for (String t : sb.toString().split("\\s+")) {
            if (!t.isEmpty() && !ARTICLES.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The letters and digits of the text, one per entry (punctuation and whitespace dropped). */
    static List<String> characters(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        s.codePoints().filter(Character::isLetterOrDigit).forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }
}
