package io.docchat.lucene;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Standard tokenization with English and CJK treatment: words are lower-cased, stripped of possessives and stop words
 * and Porter-stemmed; runs of CJK characters become overlapping bigrams (a lone character stays a unigram). Full-width
 * Latin letters and digits are folded to their ASCII forms first, so "ＡＢＣ１" and "abc1" are the same terms.
 *
 * <p>One instance may keep only the Chinese terms or only the others, so that English and Chinese text live in
 * separate fields: mixed in one field, the long bigram streams of Chinese passages would distort the average length
 * that BM25 normalises English passages against.
 */
final class BilingualAnalyzer extends Analyzer {

    /** Which terms an instance keeps. */
    enum Keep {
        ALL,
        CHINESE_ONLY,
        NON_CHINESE_ONLY,
        /** Pairs of adjacent non-Chinese terms (stop words skipped): "super bowl" as one term. */
        NON_CHINESE_PAIRS,
        /**
         * The lower-cased tokens before any split by script: the one pass at indexing time that every field's terms
         * are then filtered from ({@link PassageAnalysis}).
         */
        TOKENS,
        /**
         * {@link #TOKENS} without the char filters, for a text they would leave unchanged
         * ({@link #charFiltersChange}): they cost about a sixth of the indexing thread's analysis time.
         */
        TOKENS_UNFILTERED
    }

    private final Keep keep;

    BilingualAnalyzer(Keep keep) {
        this.keep = keep;
    }

    /**
     * Unicode word breaking keeps a colon between letters inside the word (it is a Swedish abbreviation mark), so
     * "note:pump" would be one unsearchable term; in this text a colon separates words.
     */
    private static final NormalizeCharMap COLON_AS_SPACE = colonAsSpace();

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        if (keep == Keep.TOKENS_UNFILTERED) {
            return reader;
        }
        return new MappingCharFilter(COLON_AS_SPACE, new CJKWidthCharFilter(reader));
    }

    /**
     * Whether the char filters could change {@code text}: only a colon, or a character of the Halfwidth and Fullwidth
     * Forms block (U+FF00 to U+FFEF, all that {@code CJKWidthCharFilter} folds or combines), can.
     */
    static boolean charFiltersChange(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || (c >= '\uFF00' && c <= '\uFFEF')) {
                return true;
            }
        }
        return false;
    }

    private static NormalizeCharMap colonAsSpace() {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        builder.add(":", " ");
        return builder.build();
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        return new TokenStreamComponents(source, switch (keep) {
            case TOKENS, TOKENS_UNFILTERED -> stream;
            case CHINESE_ONLY -> chineseTerms(stream);
            case NON_CHINESE_ONLY -> nonChineseTerms(stream);
            case NON_CHINESE_PAIRS -> {
                ShingleFilter pairs = new ShingleFilter(new CloseGapsFilter(nonChineseTerms(stream)), 2, 2);
                pairs.setOutputUnigrams(false);
                yield pairs;
            }
            case ALL -> allTerms(stream);
        });
    }

    /**
     * The terms of the {@code text} field from the lower-cased tokens. Shared by queries and indexing, so both make
     * the same terms from the same text.
     */
    static TokenStream nonChineseTerms(TokenStream lowerCased) {
        return englishTerms(new NonHanFilter(lowerCased));
    }

    /** The terms of the Chinese bigram field from the lower-cased tokens; shared like {@link #nonChineseTerms}. */
    static TokenStream chineseTerms(TokenStream lowerCased) {
        return new HanWordFilter(new CJKBigramFilter(lowerCased), 1);
    }

    /** The terms of a field of any script (the title) from the lower-cased tokens; shared like the others. */
    static TokenStream allTerms(TokenStream lowerCased) {
        return englishTerms(new CJKBigramFilter(lowerCased));
    }

    private static TokenStream englishTerms(TokenStream stream) {
        stream = new EnglishPossessiveFilter(stream);
        stream = new StopFilter(stream, EnglishStopWords.SET);
        return new PorterStemFilter(stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
