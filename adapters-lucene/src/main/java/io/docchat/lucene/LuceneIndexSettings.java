package io.docchat.lucene;

/**
 * Ranking and analysis settings of a {@link LucenePassageIndex}.
 *
 * <p>{@code k1}, {@code b} and {@code titleBoost} act at search time only and may change between openings of the same
 * index; {@code chineseSegmentation} and whether {@code wordPairBoost} is 0 decide what is indexed, so an index opened
 * with other values of those starts empty and is rebuilt from the store.
 *
 * @param k1                  BM25 term-frequency saturation
 * @param b                   BM25 length normalisation, 0 (none) to 1 (full)
 * @param titleBoost          weight of a match in the passage title (document name and headings); 0 ignores titles
 * @param chineseSegmentation how Chinese text becomes terms
 * @param wordPairBoost       weight of a match on a pair of adjacent non-Chinese words; 0 indexes no pairs
 */
public record LuceneIndexSettings(
        float k1, float b, float titleBoost, ChineseSegmentation chineseSegmentation, float wordPairBoost) {

    public LuceneIndexSettings {
        if (!(k1 >= 0) || !Float.isFinite(k1)) {
            throw new IllegalArgumentException("k1 must be a finite number >= 0, was " + k1);
        }
        if (!(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("b must be between 0 and 1, was " + b);
        }
        if (!(titleBoost >= 0) || !Float.isFinite(titleBoost)) {
            throw new IllegalArgumentException("titleBoost must be a finite number >= 0, was " + titleBoost);
        }
        if (!(wordPairBoost >= 0) || !Float.isFinite(wordPairBoost)) {
            throw new IllegalArgumentException("wordPairBoost must be a finite number >= 0, was " + wordPairBoost);
        }
        if (chineseSegmentation == null) {
            throw new IllegalArgumentException("chineseSegmentation is required");
        }
    }

    /**
     * The settings chosen by measurement on a mixed English and Chinese question-answering corpus (SQuAD v1.1 and
     * CMRC 2018 in one index): see {@code docs/benchmarks/lucene.md}.
     */
    public static LuceneIndexSettings defaults() {
        return new LuceneIndexSettings(0.4f, 0.85f, 0.5f, ChineseSegmentation.BIGRAMS, 0.5f);
    }

    /** These settings with other BM25 parameters. */
    public LuceneIndexSettings withBm25(float newK1, float newB) {
        return new LuceneIndexSettings(newK1, newB, titleBoost, chineseSegmentation, wordPairBoost);
    }

    /** These settings with another title weight. */
    public LuceneIndexSettings withTitleBoost(float newTitleBoost) {
        return new LuceneIndexSettings(k1, b, newTitleBoost, chineseSegmentation, wordPairBoost);
    }

    /** These settings with another Chinese segmentation (an existing index is rebuilt when opened with it). */
    public LuceneIndexSettings withChineseSegmentation(ChineseSegmentation segmentation) {
        return new LuceneIndexSettings(k1, b, titleBoost, segmentation, wordPairBoost);
    }

    /** These settings with another word-pair weight (0 and non-0 index differently: the index is rebuilt). */
    public LuceneIndexSettings withWordPairBoost(float newWordPairBoost) {
        return new LuceneIndexSettings(k1, b, titleBoost, chineseSegmentation, newWordPairBoost);
    }
}
