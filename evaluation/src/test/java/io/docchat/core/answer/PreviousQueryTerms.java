package io.docchat.core.answer;

import io.docchat.core.text.analysis.CjkScript;
import io.docchat.core.text.analysis.TextAnalyzer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The content terms of a question as the previous extractive model found them: its {@link TextAnalyzer} terms without the words that only make it a question
 * ("how many", 是多少, 什么) and without Chinese bigrams that straddle a function character (的, 是...), which say
 * nothing about the subject and would make a relevant passage look like it misses part of the question.
 */
final class PreviousQueryTerms {

    private static final Set<String> QUESTION_WORDS = Set.of(
            "many", "much", "long", "often", "far", "old", "tell", "describe", "explain", "please", "name", "named",
            "called", "kind", "type", "mean", "did", "happen", "happened", "know", "give", "list", "whose",
            "year", "time", "anyone", "someone", "something", "way", "one");
    private static final List<String> ZH_QUESTION_WORDS = List.of(
            "请问", "介绍一下", "什么时候", "什么", "多少", "为什么", "为何", "怎么样", "怎么", "怎样", "如何", "哪一年", "哪一个",
            "哪里", "哪儿", "哪个", "哪些", "哪", "谁", "几", "是否", "有没有", "是不是", "何时", "吗", "呢", "吧");
    /** Characters that join rather than name: a bigram with one of them is noise. */
    private static final String ZH_FUNCTION_CHARS = "的是了在和与及或也都就而被把将为于之其这那个有着";

    private PreviousQueryTerms() {}

    static Set<String> of(String question) {
        String q = question == null ? "" : question;
        for (String w : ZH_QUESTION_WORDS) {
            if (q.contains(w)) {
                // A space keeps the characters on either side from forming a bigram across the removed word.
                q = q.replace(w, " ");
            }
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String t : TextAnalyzer.terms(q)) {
            if (QUESTION_WORDS.contains(t) || isFunctionBigram(t)) {
                continue;
            }
            terms.add(t);
        }
        return terms;
    }

    private static boolean isFunctionBigram(String t) {
        if (t.length() != 2 || !CjkScript.isHan(t.charAt(0)) || !CjkScript.isHan(t.charAt(1))) {
            return t.length() == 1 && ZH_FUNCTION_CHARS.indexOf(t.charAt(0)) >= 0;
        }
        return ZH_FUNCTION_CHARS.indexOf(t.charAt(0)) >= 0 || ZH_FUNCTION_CHARS.indexOf(t.charAt(1)) >= 0;
    }
}
