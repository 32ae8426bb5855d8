package io.docchat.core.answer;

import io.docchat.core.text.analysis.CjkScript;
import io.docchat.core.text.analysis.QuestionWords;
import io.docchat.core.text.analysis.ScriptFolding;
import io.docchat.core.text.analysis.StopWords;
import io.docchat.core.text.analysis.TextAnalyzer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The content terms of a question: its {@link TextAnalyzer} terms (so in one folded script) without the
 * {@link QuestionWords words that only make it a question} and without Chinese bigrams that straddle a
 * {@link StopWords function character}, which say nothing about the subject and would make a relevant passage look
 * like it misses part of the question. Claims, commands and keyword queries keep all their content terms.
 */
final class QueryTerms {

    private QueryTerms() {}

    static Set<String> of(String question) {
        String q = QuestionWords.withoutChinese(ScriptFolding.fold(question == null ? "" : question));
        Set<String> terms = new LinkedHashSet<>();
        for (String t : TextAnalyzer.terms(q)) {
            if (QuestionWords.ENGLISH.contains(t) || isFunctionBigram(t)) {
                continue;
            }
            terms.add(t);
        }
        return terms;
    }

    private static boolean isFunctionBigram(String t) {
        if (t.length() != 2 || !CjkScript.isHan(t.charAt(0)) || !CjkScript.isHan(t.charAt(1))) {
            return t.length() == 1 && StopWords.CHINESE_FUNCTION_CHARACTERS.indexOf(t.charAt(0)) >= 0;
        }
        return StopWords.CHINESE_FUNCTION_CHARACTERS.indexOf(t.charAt(0)) >= 0
                || StopWords.CHINESE_FUNCTION_CHARACTERS.indexOf(t.charAt(1)) >= 0;
    }
}
