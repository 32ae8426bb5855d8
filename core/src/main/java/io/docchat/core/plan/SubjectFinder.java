package io.docchat.core.plan;

import io.docchat.core.plan.Words.Token;
import io.docchat.core.text.analysis.QuestionWords;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds what a standalone question is about: the subject a follow-up refers back to. */
final class SubjectFinder {

    private static final Pattern QUOTED = Pattern.compile("[\"“«「『《]([^\"”»」』》]{2,80})[\"”»」』》]");

    /** Chinese interrogative words and phrases, longest first so that "是多少" goes before "多少". */
    static final List<String> ZH_INTERROGATIVES = QuestionWords.CHINESE;

    private static final Pattern ZH_HOW_MUCH = Pattern.compile("有?多[长高大重久远宽深厚少]");
    private static final Pattern ZH_PUNCT = Pattern.compile("[\\s？！。，；：、?!,;:“”\"'（）()]+");

    /** Words before an entity that make what follows it a noun phrase ("the ZX-9 pump"), not a clause. */
    private static final Set<String> DETERMINERS = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "our", "my", "your", "their", "its");

    /** Characters that usually open a Chinese predicate after its subject. */
    private static final Pattern ZH_VERB = Pattern.compile("[在是有于为被把将对向从]");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");

    private SubjectFinder() {}

    /** The subject of a question, or null when it has none that a follow-up could refer to. */
    static String subject(String question) {
        if (question == null || question.isBlank()) {
            return null;
        }
        Matcher quoted = QUOTED.matcher(question);
        if (quoted.find()) {
            return quoted.group(1).strip();
        }
        return Words.isChinese(question) ? chineseSubject(question) : englishSubject(question);
    }

    static String chineseSubject(String question) {
        String s = withoutInterrogatives(question);
        int de = s.indexOf('的');
        if (de >= 2) {
            // "ZX-9水泵的最大流量": the owner before 的 is what the conversation is about.
            return s.substring(0, de);
        }
        s = s.replaceAll("^(是|有|在)", "").replaceAll("(是|有|在|的|了)$", "");
        Matcher verb = ZH_VERB.matcher(s);
        if (verb.find() && verb.start() >= 2) {
            // "维尔纳·法伊曼在…连任了总理": the subject ends where the predicate starts.
            s = s.substring(0, verb.start());
        }
        return s.isEmpty() ? null : s;
    }

    /** The question without interrogative words and punctuation. */
    static String withoutInterrogatives(String question) {
        String s = ZH_HOW_MUCH.matcher(question).replaceAll("");
        for (String w : ZH_INTERROGATIVES) {
            s = s.replace(w, "");
        }
        return ZH_PUNCT.matcher(s).replaceAll("").strip();
    }

    static String englishSubject(String question) {
        List<Token> tokens = Words.tokens(question);
        if (tokens.isEmpty()) {
            return null;
        }
        String entity = entityPhrase(question, tokens);
        if (entity != null) {
            return entity;
        }
        String afterOf = afterLastOf(question, tokens);
        if (afterOf != null) {
            return afterOf;
        }
        return longestContentRun(question, tokens);
    }

    /** The first run of entity-like words, with the one noun or two that follow it up to a possessive. */
    private static String entityPhrase(String q, List<Token> tokens) {
        int first = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (Words.isEntityLike(tokens.get(i), i == 0)) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return null;
        }
        int last = first;
        while (last + 1 < tokens.size() && !tokens.get(last).possessive()) {
            Token next = tokens.get(last + 1);
            if (Words.isEntityLike(next, false) || Words.isNumber(next)
                    || (Character.isUpperCase(next.text().charAt(0)) && !next.text().equals("I"))) {
                last++;
            } else if (last + 2 < tokens.size() && (next.lower().equals("of") || next.lower().equals("de"))
                    && Words.isEntityLike(tokens.get(last + 2), false)) {
                last += 2;
            } else {
                break;
            }
        }
        if (!tokens.get(last).possessive() && first > 0 && DETERMINERS.contains(tokens.get(first - 1).lower())) {
            last = extendRight(tokens, last);
        }
        return phrase(q, tokens, first, last);
    }

    /**
     * "the ZX-9 pump's flow", "flow of the ZX-9 pump?": the common nouns right after an entity belong to it when they
     * end in a possessive, the question, or a preposition; otherwise they are more likely a verb ("Beyonce start ...").
     */
    private static int extendRight(List<Token> tokens, int last) {
        int end = last;
        for (int k = 1; k <= 2 && last + k < tokens.size(); k++) {
            Token t = tokens.get(last + k);
            if (Words.isFunctionWord(t) || !Character.isLowerCase(t.text().charAt(0))) {
                break;
            }
            boolean closes = t.possessive() || last + k + 1 == tokens.size()
                    || Words.FUNCTION_WORDS.contains(tokens.get(last + k + 1).lower());
            if (closes) {
                end = last + k;
                if (t.possessive()) {
                    break;
                }
            }
        }
        return end;
    }

    /** "the maximum flow rate of the main pump": the thing after the last "of". */
    private static String afterLastOf(String q, List<Token> tokens) {
        for (int i = tokens.size() - 2; i >= 0; i--) {
            if (tokens.get(i).lower().equals("of")) {
                int start = i + 1;
                while (start < tokens.size() && Words.isFunctionWord(tokens.get(start))) {
                    start++;
                }
                int end = start;
                while (end < tokens.size() && !Words.isFunctionWord(tokens.get(end))) {
                    end++;
                }
                end = trimVerb(tokens, start, end);
                if (end > start) {
                    return phrase(q, tokens, start, end - 1);
                }
            }
        }
        return null;
    }

    private static String longestContentRun(String q, List<Token> tokens) {
        int bestStart = -1;
        int bestLen = 0;
        int i = 0;
        while (i < tokens.size()) {
            if (Words.isFunctionWord(tokens.get(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < tokens.size() && !Words.isFunctionWord(tokens.get(i)) && !tokens.get(i).possessive()) {
                i++;
            }
            if (i < tokens.size() && tokens.get(i).possessive() && !Words.isFunctionWord(tokens.get(i))) {
                i++;
            }
            int end = trimVerb(tokens, start, i);
            if (end - start > bestLen) {
                bestLen = end - start;
                bestStart = start;
            }
        }
        return bestStart < 0 ? null : phrase(q, tokens, bestStart, bestStart + bestLen - 1);
    }

    /**
     * A run of content words followed by an article most likely ends in a verb ("immune system protects | the
     * brain"): the run stops before it.
     */
    private static int trimVerb(List<Token> tokens, int start, int end) {
        if (end - start >= 2 && end < tokens.size() && ARTICLES.contains(tokens.get(end).lower())) {
            return end - 1;
        }
        return end;
    }

    /** The original text from token {@code from} to token {@code to}, without a final possessive. */
    private static String phrase(String q, List<Token> tokens, int from, int to) {
        Token last = tokens.get(to);
        int end = last.start() + last.base().length();
        String s = q.substring(tokens.get(from).start(), end).strip();
        return s.isEmpty() ? null : s;
    }
}
