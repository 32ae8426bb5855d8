package io.docchat.core.answer;

import io.docchat.core.text.analysis.ScriptFolding;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, read from its question words: a number ("how many", 多少), a time ("when",
 * 哪一年) or anything. A sentence that holds the kind asked for is the likelier answer.
 */
enum AnswerKind {
    NUMBER, TIME, ANY;

    private static final Pattern ENGLISH_NUMBER = Pattern.compile("\\bhow (?:many|much|long|far|old|large|big|high)\\b");
    private static final Pattern ENGLISH_TIME = Pattern.compile("\\bwhen\\b|\\bwhat (?:year|decade|century|date|day|month)\\b"
            + "|\\bwhich (?:year|decade|century|date|day|month)\\b");
    private static final Pattern CHINESE_NUMBER = Pattern.compile("多少|几|多[长高大重久远宽深厚]");
    private static final Pattern CHINESE_TIME = Pattern.compile("何时|什么时候|哪一年|哪年|哪个年|哪一天|几年|几月|哪个世纪");
    private static final Pattern DIGIT = Pattern.compile("\\d|[一二三四五六七八九十百千万亿两]");
    private static final Pattern TIME_MENTION = Pattern.compile("\\d{3,4}|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b"
            + "|century|[年月日世纪]");

    static AnswerKind of(String question) {
        String q = ScriptFolding.fold(question).toLowerCase(Locale.ROOT);
        if (ENGLISH_TIME.matcher(q).find() || CHINESE_TIME.matcher(q).find()) {
            return TIME;
        }
        if (ENGLISH_NUMBER.matcher(q).find() || CHINESE_NUMBER.matcher(q).find()) {
            return NUMBER;
        }
        return ANY;
    }

    /** True when {@code foldedLowerText} holds something of this kind (always for {@link #ANY}). */
    boolean foundIn(String foldedLowerText) {
        return switch (this) {
            case NUMBER -> DIGIT.matcher(foldedLowerText).find();
            case TIME -> TIME_MENTION.matcher(foldedLowerText).find();
            case ANY -> true;
        };
    }
}
