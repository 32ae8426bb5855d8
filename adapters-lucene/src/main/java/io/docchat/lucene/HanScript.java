package io.docchat.lucene;

/** Tells Chinese characters (the Han script) from everything else in token text. */
final class HanScript {

    private HanScript() {}

    /** True for Han ideographs: CJK unified ideographs, their extensions and compatibility forms. */
    static boolean isHan(int codePoint) {
        // The common block is checked first because almost every Chinese character lives there.
        if (codePoint >= 0x4E00 && codePoint <= 0x9FFF) {
            return true;
        }
        return codePoint >= 0x2E80 && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** The number of Han code points in {@code text[0, length)}, or -1 if any code point is not Han. */
    static int countIfAllHan(char[] text, int length) {
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

    /** True if any code point of {@code text} is Han. */
    static boolean containsHan(CharSequence text) {
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
    static boolean containsHan(char[] text, int length) {
        for (int i = 0; i < length; ) {
            int cp = Character.codePointAt(text, i, length);
            if (isHan(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
