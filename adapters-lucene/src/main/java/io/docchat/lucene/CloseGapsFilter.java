package io.docchat.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Makes every token follow the previous one directly, forgetting the holes stop words left, so that word pairs are
 * built from the content words a question and a passage share ("capital of France" and "France's capital" meet).
 */
final class CloseGapsFilter extends TokenFilter {

    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

    CloseGapsFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (increment.getPositionIncrement() > 1) {
            increment.setPositionIncrement(1);
        }
        return true;
    }
}
