package io.docchat.documents;

/** Character classes that decide where spaces belong between CJK and other text. */
final class CjkText {

    private CjkText() {}

    /** True for Han ideographs, kana, hangul and CJK / full-width punctuation: scripts written without spaces. */
    static boolean isCjk(int codePoint) {
        return (codePoint >= 0x2E80 && codePoint <= 0x9FFF)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7AF)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFF65)
                || (codePoint >= 0x20000 && codePoint <= 0x2FA1F);
    }

    /** True when the text ends with a CJK character. */
    static boolean endsWithCjk(CharSequence text) {
        if (text.length() == 0) {
            return false;
        }
        return isCjk(Character.codePointBefore(text, text.length()));
    }

    /** True when the text starts with a CJK character. */
    static boolean startsWithCjk(CharSequence text) {
        return text.length() > 0 && isCjk(Character.codePointAt(text, 0));
    }
}
