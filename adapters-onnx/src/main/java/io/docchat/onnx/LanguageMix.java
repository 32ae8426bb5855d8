package io.docchat.onnx;

import io.docchat.core.text.analysis.WordCount;

/**
 * How much of a text is Chinese and how much is written in Latin letters, in comparable units: a run of Latin letters
 * (a word) counts one, and Chinese characters count one per 1.7, about the length of a Chinese word, so that "PDF 文件"
 * weighs its two words alike.
 */
record LanguageMix(double chinese, double latin) {
    private static final double HAN_PER_WORD = 1.7;

    static LanguageMix of(String text) {
        WordCount count = WordCount.of(text);
        return new LanguageMix(count.han() / HAN_PER_WORD, count.words());
    }

    /** The language most of the text is written in; English for a text with neither. */
    Language dominant() {
        return chinese > latin ? Language.CHINESE : Language.ENGLISH;
    }

    /** The share of the text in a language, 0 to 1; 0 for a text with neither. */
    double share(Language language) {
        double total = chinese + latin;
        if (total == 0) {
            return 0;
        }
        return (language == Language.CHINESE ? chinese : latin) / total;
    }
}
