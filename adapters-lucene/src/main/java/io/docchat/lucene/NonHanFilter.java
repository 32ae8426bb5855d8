package io.docchat.lucene;

import io.docchat.core.text.analysis.CjkScript;
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
        return !CjkScript.containsHan(term.buffer(), term.length());
    }
}
