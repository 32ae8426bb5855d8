package io.docchat.core.answer;

import io.docchat.core.text.analysis.CjkScript;
import io.docchat.core.text.analysis.ScriptFolding;
import io.docchat.core.text.analysis.StopWords;
import io.docchat.core.text.analysis.TextAnalyzer;
import io.docchat.core.text.chunking.TextSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of an answering sentence that answers: a run of its clauses (cut at commas, semicolons, colons,
 * parentheses, the Chinese 、，；： and before relative words such as "which" or "who"), chosen so that the answer is
 * as short as it can be while it still likely holds what the question asks for.
 *
 * <p>What the question asks for is what it lacks: words of the sentence that are not the question's own, near the
 * question's words there (an answer sits beside what it answers), and of the kind asked for (a number, a time).
 * Each word gets a weight from that, and the run of clauses kept is the one that maximises
 * {@code share^CONFIDENCE / (words + EXPECTED_WORDS)}: the share of the weight it holds against its length, the
 * length of a typical answer added so that a short run must hold much to beat a long one. A sentence of one clause,
 * or one whose words are all the question's, is kept whole; so is the value of a "label: value" sentence whose label
 * is made of the question's words.
 */
final class AnswerSpan {
    /**
     * Words this many words from the nearest question word weigh 1/e of one beside it. Calibrated with the other
     * weights below on a sample of SQuAD v2 dev (see {@code docs/BENCHMARKS.md}).
     */
    private static final double DISTANCE_SCALE = 8.0;
    /** A function word ("of", "the", 的) is less likely to be what is asked for than a content word. */
    private static final double FUNCTION_WORD_WEIGHT = 0.2;
    /** A word of the kind asked for (a number for "how many", a year for "when") is that much likelier the answer. */
    private static final double KIND_WEIGHT = 16.0;
    /** A capitalised word inside a sentence (a name) is that much likelier the answer to a who/where/which question. */
    private static final double NAME_WEIGHT = 5.0;
    /**
     * Above 1 a run must hold more of the weight to win: fewer answers lose what was asked, at some length. Chinese
     * clauses are short already, and a cut loses more there.
     */
    private static final double CONFIDENCE = 2.1;
    private static final double CONFIDENCE_HAN = 3.0;
    /** The length of a typical asked-for span in words (English) and characters (Chinese). */
    private static final double EXPECTED_WORDS = 3.0;
    private static final double EXPECTED_CHARACTERS = 6.0;

    private static final Pattern RELATIVE = Pattern.compile("which|who|whom|whose|where");
    private static final Pattern NUMBER = Pattern.compile("\\d.*|[一二三四五六七八九十百千万亿两]");
    private static final Pattern TIME = Pattern.compile("\\d{3,4}s?|\\d{1,2}(?:st|nd|rd|th)|"
            + "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|centur(?:y|ies)|[年月日]");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private AnswerSpan() {}

    /** A word of the sentence: its span in the passage, its matching form, whether it is a question's word. */
    private record Word(int start, int end, boolean han, boolean function, boolean article, boolean question,
            boolean kind, boolean name, boolean numeral) {}

    /**
     * The span of {@code sentence} (a span of {@code text}) that answers.
     *
     * @param questionForms every form of the question's content terms found in the prompt (folded, stemmed)
     * @param questionHan   the Han characters of the question's content terms (folded)
     * @param kind          the kind of answer asked for
     * @param asksForName   the question asks who, where or which (a name is the likelier answer)
     */
    static TextSpan of(String text, TextSpan sentence, Set<String> questionForms, String questionHan,
            AnswerKind kind, boolean asksForName) {
        List<Word> words = new ArrayList<>();
        List<Integer> clauseStarts = new ArrayList<>();
        clauseStarts.add(0);
        boolean boundary = false;
        // Where the value of a "label: value" sentence starts (the label all the question's words), else -1.
        int valueStart = -1;
        int i = sentence.start();
        while (i < sentence.end()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (CjkScript.isHan(cp)) {
                String folded = ScriptFolding.fold(text.substring(i, next));
                boolean function = folded.length() == 1
                        && StopWords.CHINESE_FUNCTION_CHARACTERS.indexOf(folded.charAt(0)) >= 0;
                boolean question = !function && folded.length() == 1 && questionHan.indexOf(folded.charAt(0)) >= 0;
                boolean ofKind = switch (kind) {
                    case NUMBER -> NUMBER.matcher(folded).matches();
                    case TIME -> NUMBER.matcher(folded).matches() || TIME.matcher(folded).matches();
                    case ANY -> false;
                };
                boundary = addWord(words, clauseStarts, boundary,
                        new Word(i, next, true, function, false, question, ofKind, false, false));
                i = next;
            } else if (Character.isLetterOrDigit(cp)) {
                int end = next;
                while (end < sentence.end()) {
                    int c = text.codePointAt(end);
                    // "1,200", "3.5" and "U.S." stay one word.
                    boolean joined = (c == ',' || c == '.' || c == '\'' || c == '-') && end + 1 < sentence.end()
                            && Character.isLetterOrDigit(text.charAt(end + 1)) && !CjkScript.isHan(text.charAt(end + 1));
                    if (!(Character.isLetterOrDigit(c) && !CjkScript.isHan(c)) && !joined) {
                        break;
                    }
                    end += Character.charCount(c);
                }
                String word = text.substring(i, end);
                String lower = ScriptFolding.fold(word).toLowerCase(Locale.ROOT);
                if (RELATIVE.matcher(lower).matches() && !words.isEmpty()) {
                    boundary = true;
                }
                List<String> terms = TextAnalyzer.terms(word);
                boolean function = terms.isEmpty();
                boolean question = false;
                for (String t : terms) {
                    question |= questionForms.contains(t);
                }
                boolean ofKind = switch (kind) {
                    case NUMBER -> NUMBER.matcher(lower).matches();
                    case TIME -> TIME.matcher(lower).matches();
                    case ANY -> false;
                };
                boolean name = asksForName && !words.isEmpty() && Character.isUpperCase(cp);
                boundary = addWord(words, clauseStarts, boundary,
                        new Word(i, end, false, function, ARTICLES.contains(lower), question, ofKind, name,
                                Character.isDigit(cp)));
                i = end;
            } else {
                if ((cp == ':' || cp == '：') && valueStart < 0 && !words.isEmpty()
                        && words.stream().allMatch(w -> w.question() || w.function())) {
                    valueStart = words.size();
                }
                if (",;:(".indexOf(cp) >= 0 && (next >= sentence.end() || Character.isWhitespace(text.charAt(next))
                        || cp == '(' || cp == ';')) {
                    boundary = true;
                } else if ("、，；：（）)".indexOf(cp) >= 0) {
                    boundary = true;
                }
                i = next;
            }
        }
        if (valueStart > 0 && valueStart < words.size()) {
            // "Bulk insert: 100,000 passages in 617 ms = …": a label made of the question's words, then its value,
            // which is the answer whole (its parts are not clauses to choose between).
            return new TextSpan(words.get(valueStart).start(), sentence.end());
        }
        int clauses = clauseStarts.size();
        if (clauses < 2 || words.isEmpty()) {
            return sentence;
        }
        double[] weight = weights(words);
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        if (total <= 0) {
            return sentence;
        }
        boolean han = words.stream().filter(Word::han).count() * 2 > words.size();
        double expected = han ? EXPECTED_CHARACTERS : EXPECTED_WORDS;
        double confidence = han ? CONFIDENCE_HAN : CONFIDENCE;
        int bestFrom = 0;
        int bestTo = clauses - 1;
        double bestValue = -1;
        for (int from = 0; from < clauses; from++) {
            double held = 0;
            int length = 0;
            int content = 0;
            for (int to = from; to < clauses; to++) {
                int end = to + 1 < clauses ? clauseStarts.get(to + 1) : words.size();
                for (int w = clauseStarts.get(to); w < end; w++) {
                    Word word = words.get(w);
                    held += weight[w];
                    length += word.article() ? 0 : 1;
                    content += word.function() || word.question() ? 0 : 1;
                }
                if (content == 0) {
                    // Function words alone ("The") answer nothing.
                    continue;
                }
                double value = Math.pow(held / total, confidence) / (length + expected);
                if (value > bestValue) {
                    bestValue = value;
                    bestFrom = from;
                    bestTo = to;
                }
            }
        }
        if (bestFrom == 0 && bestTo == clauses - 1) {
            return sentence;
        }
        int start = words.get(clauseStarts.get(bestFrom)).start();
        int lastWord = (bestTo + 1 < clauses ? clauseStarts.get(bestTo + 1) : words.size()) - 1;
        // The last clause keeps the sentence's closing punctuation; an inner one ends at its last word.
        int end = bestTo == clauses - 1 ? sentence.end() : words.get(lastWord).end();
        return new TextSpan(start, closeBracket(text, start, end, sentence.end()));
    }

    /**
     * Adds a word, starting a new clause at a boundary seen before it, and between an English question word and a
     * word that is not one (a run of the question's words is what the answer sits beside, not part of it; Chinese
     * question characters are too scattered to cut at). A number keeps the word after it, even a question's word:
     * "24 volts" answers "how many volts", "24" alone does not.
     */
    private static boolean addWord(List<Word> words, List<Integer> clauseStarts, boolean boundary, Word word) {
        Word previous = words.isEmpty() ? null : words.get(words.size() - 1);
        boolean turn = previous != null && !previous.han() && !word.han() && previous.question() != word.question()
                && !previous.numeral();
        if ((boundary || turn) && !words.isEmpty() && clauseStarts.get(clauseStarts.size() - 1) < words.size()) {
            clauseStarts.add(words.size());
        }
        words.add(word);
        return false;
    }

    /** A span that opens a bracket keeps its closing one when it is right after. */
    private static int closeBracket(String text, int start, int end, int limit) {
        String span = text.substring(start, end);
        boolean open = (span.indexOf('(') >= 0 && span.indexOf(')') < 0)
                || (span.indexOf('（') >= 0 && span.indexOf('）') < 0);
        if (open && end < limit && (text.charAt(end) == ')' || text.charAt(end) == '）')) {
            return end + 1;
        }
        return end;
    }

    /** Each word's weight as what is asked for: 0 for the question's own, decaying with the distance from them. */
    private static double[] weights(List<Word> words) {
        int n = words.size();
        int[] distance = new int[n];
        int last = -1;
        for (int w = 0; w < n; w++) {
            if (words.get(w).question()) {
                last = w;
            }
            distance[w] = last < 0 ? Integer.MAX_VALUE : w - last;
        }
        last = -1;
        for (int w = n - 1; w >= 0; w--) {
            if (words.get(w).question()) {
                last = w;
            }
            if (last >= 0) {
                distance[w] = Math.min(distance[w], last - w);
            }
        }
        double[] weight = new double[n];
        for (int w = 0; w < n; w++) {
            Word word = words.get(w);
            if (word.question()) {
                continue;
            }
            double near = distance[w] == Integer.MAX_VALUE ? 1 : Math.exp(-(distance[w] - 1) / DISTANCE_SCALE);
            double base = word.function() ? FUNCTION_WORD_WEIGHT : 1;
            weight[w] = near * base * (word.kind() ? KIND_WEIGHT : 1) * (word.name() ? NAME_WEIGHT : 1);
        }
        return weight;
    }
}
