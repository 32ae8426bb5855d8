package io.docchat.lucene;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The terms one field's analysis made of a passage, in order, held until the passage is indexed: the field is then
 * fed from them rather than by analysing the text again, and the word-pair field is built from the same terms.
 */
final class TermSequence {

    /** {@code ShingleFilter}'s default filler for a missing word. */
    private static final char FILLER = '_';

    private final char[] chars;
    private final int[] ends;
    private final int count;
    /** Whether the analysis dropped tokens after the last term (stop words, or Chinese in a non-Chinese field). */
    private final boolean trailingGap;

    private TermSequence(char[] chars, int[] ends, int count, boolean trailingGap) {
        this.chars = chars;
        this.ends = ends;
        this.count = count;
        this.trailingGap = trailingGap;
    }

    /** Every term of {@code terms}, which is reset, consumed and ended (not closed: its filters are reused). */
    static TermSequence of(TokenStream terms, int expectedChars) throws IOException {
        CharTermAttribute term = terms.getAttribute(CharTermAttribute.class);
        char[] chars = new char[Math.max(16, expectedChars)];
        int[] ends = new int[16];
        int count = 0;
        int charCount = 0;
        terms.reset();
        while (terms.incrementToken()) {
            int length = term.length();
            if (charCount + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + length));
            }
            System.arraycopy(term.buffer(), 0, chars, charCount, length);
            charCount += length;
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = charCount;
        }
        terms.end();
        // After end(), the increment counts the positions dropped after the last token.
        boolean trailingGap = terms.getAttribute(PositionIncrementAttribute.class).getPositionIncrement() > 0;
        return new TermSequence(chars, ends, count, trailingGap);
    }

    int size() {
        return count;
    }

    /** The terms, one token each, for the field they were made for. */
    TokenStream terms() {
        return new Replay(false);
    }

    /**
     * Each term joined to the next by a space: what a two-word {@code ShingleFilter} without unigrams makes of the
     * same terms once the stop words' gaps are closed, as the query side does. Like it, when tokens were dropped
     * after the last term, that term is paired with the filler {@code _} too: the index must hold the terms the
     * query analyzer makes, quirks included.
     */
    TokenStream pairs() {
        return new Replay(true);
    }

    private int start(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }

    /** One pass over the terms or their pairs; Lucene closes it after the field is inverted. */
    private final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final boolean pairs;
        private int next;

        Replay(boolean pairs) {
            this.pairs = pairs;
        }

        @Override
        public boolean incrementToken() {
            int last = pairs ? (trailingGap ? count : count - 1) : count;
            if (next >= last) {
                return false;
            }
            clearAttributes();
            int start = start(next);
            if (pairs && next == count - 1) {
                char[] buffer = term.resizeBuffer(ends[next] - start + 2);
                System.arraycopy(chars, start, buffer, 0, ends[next] - start);
                buffer[ends[next] - start] = ' ';
                buffer[ends[next] - start + 1] = FILLER;
                term.setLength(ends[next] - start + 2);
            } else if (pairs) {
                int middle = ends[next];
                int end = ends[next + 1];
                char[] buffer = term.resizeBuffer(end - start + 1);
                System.arraycopy(chars, start, buffer, 0, middle - start);
                buffer[middle - start] = ' ';
                System.arraycopy(chars, middle, buffer, middle - start + 1, end - middle);
                term.setLength(end - start + 1);
            } else {
                term.copyBuffer(chars, start, ends[next] - start);
            }
            next++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
