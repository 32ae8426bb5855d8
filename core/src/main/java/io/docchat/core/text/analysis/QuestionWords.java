package io.docchat.core.text.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one definition of the words that only make a text a question ("how many", 是多少, 什么): they say what kind of
 * answer is wanted, not what it is about, so matching ignores them.
 */
public final class QuestionWords {

    /** English wh-words, in lower case. */
    public static final Set<String> ENGLISH_WH = Set.of(
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how");

    /**
     * English words (lower case, after light stemming) that ask rather than name: besides the wh-words, which are
     * stop words, the words of "how many", "what kind of", "tell me", "when did it happen" and their like.
     */
    public static final Set<String> ENGLISH = Set.of(
            "many", "much", "long", "often", "far", "old", "tell", "describe", "explain", "please", "name", "named",
            "called", "kind", "type", "mean", "did", "happen", "happened", "know", "give", "list", "whose",
            "year", "time", "anyone", "someone", "something", "way", "one");

    /**
     * Chinese interrogative words and phrases in Simplified form, longest first so that 是多少 goes before 多少. Match
     * them against {@link ScriptFolding#fold folded} text, so that 甚麼, 什麼 and 什么 are one word.
     */
    public static final List<String> CHINESE = List.of(
            "请问一下", "请问", "请介绍一下", "介绍一下", "是什么时候", "什么时候", "是什么", "是多少", "是哪一年", "是哪里",
            "是哪个", "是哪些", "是谁", "有哪些", "有什么", "有多少", "为什么", "为何", "怎么样", "怎样", "怎么", "如何",
            "什么", "甚么", "多少", "哪一年", "哪一个", "哪一些", "哪里", "哪儿", "哪个", "哪些", "哪", "谁", "几", "是否",
            "能否", "有没有", "是不是", "何时", "何地", "何处", "吗", "呢", "吧", "啊");

    /** Any Chinese interrogative of {@link #CHINESE} (a question, not a statement). */
    public static final Pattern CHINESE_INTERROGATIVE = Pattern.compile(
            "什么|甚么|多少|怎么|如何|哪|谁|几|为什么|为何|是否|吗|有多");

    /** English words that open a yes/no question ("Is", "Does", "Can" ...), in lower case. */
    private static final Set<String> ENGLISH_AUXILIARIES = Set.of(
            "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should", "has", "have",
            "had", "may", "might", "must", "shall");

    private QuestionWords() {}

    /**
     * True when {@code text} is phrased as a question (a question mark, an English wh-word or auxiliary first, or a
     * Chinese interrogative), not as a claim, a command or keywords.
     */
    public static boolean isQuestion(String text) {
        String s = ScriptFolding.fold(text == null ? "" : text).strip();
        if (s.isEmpty()) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (last == '?' || last == '？') {
            return true;
        }
        if (CHINESE_INTERROGATIVE.matcher(s).find()) {
            return true;
        }
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        String first = s.substring(0, end).toLowerCase(Locale.ROOT);
        return ENGLISH_WH.contains(first) || ENGLISH_AUXILIARIES.contains(first);
    }

    /** True for an English word that only asks (a wh-word or one of {@link #ENGLISH}); give it in lower case. */
    public static boolean isEnglish(String lowerCaseWord) {
        return ENGLISH_WH.contains(lowerCaseWord) || ENGLISH.contains(lowerCaseWord);
    }

    /**
     * {@code text} (folded) with every Chinese interrogative replaced by a space, so that the characters on either
     * side do not form a bigram across it.
     */
    public static String withoutChinese(String foldedText) {
        String q = foldedText;
        for (String w : CHINESE) {
            if (q.contains(w)) {
                q = q.replace(w, " ");
            }
        }
        return q;
    }
}
