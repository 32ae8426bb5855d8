package io.docchat.lucene;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Drops every token that contains a Chinese character, for a field where another analyzer handles Chinese. */
final class NonHanFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    NonHanFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean accept() {
        return !HanScript.containsHan(term.buffer(), term.length());
    }
}
