package io.docchat.lucene;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer of the main text field: English and other alphabetic words are lower-cased, stripped of possessives and
 * stop words and Porter-stemmed; runs of CJK characters become overlapping bigrams (a lone character stays a unigram),
 * or are dropped when a dictionary segmenter indexes Chinese in another field. Full-width Latin letters and digits are
 * folded to their ASCII forms first, so "ＡＢＣ１" and "abc1" are the same terms.
 */
final class BilingualAnalyzer extends Analyzer {

    private final boolean cjkBigrams;
    private final CharArraySet stopWords;

    /**
     * @param cjkBigrams true to index CJK text as bigrams; false to drop Chinese tokens from this field
     */
    BilingualAnalyzer(boolean cjkBigrams) {
        this.cjkBigrams = cjkBigrams;
        this.stopWords = EnglishStopWords.SET;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = cjkBigrams ? new CJKBigramFilter(stream) : new NonHanFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new StopFilter(stream, stopWords);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
