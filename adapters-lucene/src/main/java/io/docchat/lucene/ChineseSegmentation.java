package io.docchat.lucene;

/** How runs of Chinese characters become search terms. */
public enum ChineseSegmentation {
    /** Overlapping character bigrams: needs no dictionary, so it treats Simplified and Traditional Chinese alike. */
    BIGRAMS,
    /** Dictionary words from the smartcn segmenter (trained on Simplified Chinese) instead of bigrams. */
    WORDS,
    /** Bigrams, plus smartcn words in a second field that adds to the score. */
    WORDS_AND_BIGRAMS
}
