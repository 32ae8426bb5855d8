package io.docchat.core.text.analysis;

/**
 * The one definition of which characters are Chinese (the Han script) and which belong to the scripts written without
 * spaces between words. Every component that splits, joins, analyses or compares text asks here, so that the chunker,
 * the sentence splitter, the planner, the answer model, the index analysis and the parsers agree.
 */
public final class CjkScript {

    private CjkScript() {}

    /** True for Han ideographs: CJK unified ideographs, their extensions and compatibility forms. */
    public static boolean isHan(int codePoint) {
        // The common block is checked first because almost every Chinese character lives there.
        if (codePoint >= 0x4E00 && codePoint <= 0x9FFF) {
            return true;
        }
        return codePoint >= 0x2E80 && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /**
     * True for characters of scripts written without spaces between words (Han, kana, hangul, bopomofo) and for
     * CJK and full-width punctuation and symbols: no space belongs between two such characters.
     */
    public static boolean isCjk(int codePoint) {
        if (codePoint < 0x2E80) {
            return false;
        }
        if (isHan(codePoint)
                || (codePoint >= 0x3000 && codePoint <= 0x303F)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.BOPOMOFO;
    }

    /** True if any code point of {@code text} is Han. */
    public static boolean containsHan(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            // Surrogates only occur for the rare extension blocks: decode those, test the rest directly.
            int cp = Character.isHighSurrogate(c) ? Character.codePointAt(text, i) : c;
            if (isHan(cp)) {
                return true;
            }
        }
        return false;
    }

    /** True if any code point of {@code text[0, length)} is Han. */
    public static boolean containsHan(char[] text, int length) {
        for (int i = 0; i < length; ) {
            int cp = Character.codePointAt(text, i, length);
            if (isHan(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** The number of Han code points in {@code text[0, length)}, or -1 if any code point is not Han. */
    public static int countIfAllHan(char[] text, int length) {
        int count = 0;
        for (int i = 0; i < length; ) {
            int cp = Character.codePointAt(text, i, length);
            if (!isHan(cp)) {
                return -1;
            }
            count++;
            i += Character.charCount(cp);
        }
        return count;
    }

    /** True when the text ends with a CJK character (see {@link #isCjk}). */
    public static boolean endsWithCjk(CharSequence text) {
        return text.length() > 0 && isCjk(Character.codePointBefore(text, text.length()));
    }

    /** True when the text starts with a CJK character (see {@link #isCjk}). */
    public static boolean startsWithCjk(CharSequence text) {
        return text.length() > 0 && isCjk(Character.codePointAt(text, 0));
    }
}
