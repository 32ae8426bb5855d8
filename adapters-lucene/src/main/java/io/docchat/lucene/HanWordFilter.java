package io.docchat.lucene;

import io.docchat.core.text.analysis.CjkScript;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Keeps only tokens made entirely of Chinese characters and at least {@code minCharacters} long. */
final class HanWordFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final int minCharacters;

    HanWordFilter(TokenStream in, int minCharacters) {
        super(in);
        this.minCharacters = minCharacters;
    }

    @Override
    protected boolean accept() {
        return CjkScript.countIfAllHan(term.buffer(), term.length()) >= minCharacters;
    }
}
