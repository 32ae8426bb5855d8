package io.docchat.core.text.analysis;

/**
 * A text's length as a reader counts it: each Han character ({@link CjkScript#isHan}) on its own, and runs of other
 * letters and digits as words. Chinese has no spaces, so the two are kept apart for callers that weigh them
 * differently.
 *
 * @param han   Han characters
 * @param words runs of letters or digits that are not Han
 */
public record WordCount(int han, int words) {

    public static WordCount of(CharSequence text) {
        int han = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (CjkScript.isHan(c)) {
                han++;
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return new WordCount(han, words);
    }

    /**
     * Han characters per Chinese word, about the length of one: weighing Han characters by it puts Chinese and words
     * in other scripts in comparable units, so that "PDF 文件" weighs its two words alike.
     */
    public static final double HAN_PER_WORD = 1.7;

    /** The Han characters counted as words ({@link #HAN_PER_WORD} characters each). */
    public double hanWords() {
        return han / HAN_PER_WORD;
    }

    /** Whether the text is mostly Chinese: its Han characters, counted as words, outweigh its other words. */
    public boolean mostlyChinese() {
        return hanWords() > words;
    }

    /** Han characters and words together. */
    public long total() {
        return (long) han + words;
    }
}
