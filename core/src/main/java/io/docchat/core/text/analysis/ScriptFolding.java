package io.docchat.core.text.analysis;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;

/**
 * Folds text to one written form for matching: NFKC (full-width letters, digits and punctuation become their usual
 * forms) and Traditional Chinese characters become Simplified ones, with ICU's {@code Traditional-Simplified}
 * transform. Only what is compared is folded; the text shown and cited stays as written.
 *
 * <p>Characters are folded one at a time and each result is remembered, so folding costs a table look-up per
 * character after the first sight of it. A character the transform maps to more than one character, or that lies
 * outside the common ideograph block, is looked up each time (rare). Thread-safe.
 */
public final class ScriptFolding {

    private static final int TABLE_START = 0x3400;
    private static final int TABLE_END = 0x9FFF;
    /** Marks a table slot not computed yet; U+0000 is never the Simplified form of an ideograph. */
    private static final char UNKNOWN = '\0';
    /** Marks a character whose folded form is not a single character (looked up each time). */
    private static final char NOT_SINGLE = '\uFFFF';

    /** Folded form of each character of the table range; racing writers store the same value. */
    private static final char[] TABLE = new char[TABLE_END - TABLE_START + 1];

    private ScriptFolding() {}

    /**
     * The transform, built once when a Han character is first folded (building one takes tens of milliseconds and
     * loads about 230 ICU classes, which text without Chinese never needs: an English question's command then
     * starts a tenth of a second sooner). Used only on a character's first sight, under its lock.
     */
    private static final class Transform {
        static final Transliterator INSTANCE = Transliterator.getInstance("Traditional-Simplified");
    }

    /** {@code text} in NFKC with Traditional characters made Simplified; unchanged text is returned as is. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            String folded = CjkScript.isHan(cp) ? foldHan(cp) : null;
            if (folded != null) {
                if (out == null) {
                    out = new StringBuilder(n).append(s, 0, i);
                }
                out.append(folded);
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? s : out.toString();
    }

    /** The Simplified form of one Han character, or null when it is already Simplified. */
    private static String foldHan(int cp) {
        if (cp >= TABLE_START && cp <= TABLE_END) {
            char known = TABLE[cp - TABLE_START];
            if (known == UNKNOWN) {
                String folded = transform(cp);
                known = folded.length() == 1 ? folded.charAt(0) : NOT_SINGLE;
                TABLE[cp - TABLE_START] = known;
            }
            if (known == NOT_SINGLE) {
                return transform(cp);
            }
            return known == cp ? null : String.valueOf(known);
        }
        String folded = transform(cp);
        return folded.codePointCount(0, folded.length()) == 1 && folded.codePointAt(0) == cp ? null : folded;
    }

    private static String transform(int cp) {
        Transliterator transform = Transform.INSTANCE;
        synchronized (transform) {
            return transform.transliterate(new String(Character.toChars(cp)));
        }
    }
}
