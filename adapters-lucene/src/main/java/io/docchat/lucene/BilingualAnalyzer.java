package io.docchat.lucene;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
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
        NON_CHINESE_PAIRS
    }

    private final Keep keep;
    private final CharArraySet stopWords;

    BilingualAnalyzer(Keep keep) {
        this.keep = keep;
        this.stopWords = EnglishStopWords.SET;
    }

    /**
     * Unicode word breaking keeps a colon between letters inside the word (it is a Swedish abbreviation mark), so
     * "note:pump" would be one unsearchable term; in this text a colon separates words.
     */
    private static final NormalizeCharMap COLON_AS_SPACE = colonAsSpace();

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(COLON_AS_SPACE, new CJKWidthCharFilter(reader));
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
        if (keep == Keep.NON_CHINESE_ONLY || keep == Keep.NON_CHINESE_PAIRS) {
            stream = new NonHanFilter(stream);
        } else {
            stream = new CJKBigramFilter(stream);
            if (keep == Keep.CHINESE_ONLY) {
                return new TokenStreamComponents(source, new HanWordFilter(stream, 1));
            }
        }
        stream = new EnglishPossessiveFilter(stream);
        stream = new StopFilter(stream, stopWords);
        stream = new PorterStemFilter(stream);
        if (keep == Keep.NON_CHINESE_PAIRS) {
            ShingleFilter pairs = new ShingleFilter(new CloseGapsFilter(stream), 2, 2);
            pairs.setOutputUnigrams(false);
            stream = pairs;
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
