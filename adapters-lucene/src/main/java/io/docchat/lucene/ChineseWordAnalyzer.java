package io.docchat.lucene;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;

/**
 * Chinese dictionary words from the smartcn segmenter, and nothing else: every token that is not entirely Chinese is
 * dropped because the main text field already indexes it.
 */
final class ChineseWordAnalyzer extends Analyzer {

    private final int minCharacters;

    /**
     * @param minCharacters the shortest word kept; 2 drops single characters, which are mostly particles and are
     *                      covered by the bigram field when it exists
     */
    ChineseWordAnalyzer(int minCharacters) {
        this.minCharacters = minCharacters;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        HMMChineseTokenizer source = new HMMChineseTokenizer();
        TokenStream stream = new HanWordFilter(source, minCharacters);
        return new TokenStreamComponents(source, stream);
    }
}
