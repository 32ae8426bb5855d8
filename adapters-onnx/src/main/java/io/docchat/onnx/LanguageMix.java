package io.docchat.onnx;

import io.docchat.core.text.analysis.WordCount;

/**
 * How much of a text is Chinese and how much is written in Latin letters, in comparable units: a run of Latin letters
 * (a word) counts one, and Chinese characters count as words ({@link WordCount#hanWords()}).
 */
record LanguageMix(double chinese, double latin) {
    static LanguageMix of(String text) {
        WordCount count = WordCount.of(text);
        return new LanguageMix(count.hanWords(), count.words());
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
