package io.docchat.lucene;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

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

    /**
     * A field of these terms, one token each, for the field they were made for; with {@code pairs}, each term joined
     * to the next by a space: what a two-word {@code ShingleFilter} without unigrams makes of the same terms once the
     * stop words' gaps are closed, as the query side does. Like it, when tokens were dropped after the last term, that
     * term is paired with the filler {@code _} too: the index must hold the terms the query analyzer makes, quirks
     * included.
     */
    Field field(String name, boolean pairs, FieldType type) {
        return new TermsField(name, this, pairs, type);
    }

    /** A replay of the terms on its own, for tests. */
    TokenStream terms() {
        Replay replay = new Replay();
        replay.start(this, false);
        return replay;
    }

    /** A replay of the pairs on its own, for tests. */
    TokenStream pairs() {
        Replay replay = new Replay();
        replay.start(this, true);
        return replay;
    }

    /**
     * Indexed from a {@link TermSequence} instead of a string. Lucene hands a field the token stream it used last for
     * the same field name, so one {@link Replay} per field and indexing thread serves every passage.
     */
    private static final class TermsField extends Field {
        private final TermSequence sequence;
        private final boolean pairs;

        TermsField(String name, TermSequence sequence, boolean pairs, FieldType type) {
            super(name, type);
            this.sequence = sequence;
            this.pairs = pairs;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            Replay replay = reuse instanceof Replay previous ? previous : new Replay();
            replay.start(sequence, pairs);
            return replay;
        }
    }

    /** One pass over a sequence's terms or their pairs. */
    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private TermSequence sequence;
        private boolean pairs;
        private int next;

        void start(TermSequence sequence, boolean pairs) {
            this.sequence = sequence;
            this.pairs = pairs;
            this.next = 0;
        }

        @Override
        public boolean incrementToken() {
            int count = sequence.count;
            int last = pairs ? (sequence.trailingGap ? count : count - 1) : count;
            if (next >= last) {
                return false;
            }
            clearAttributes();
            char[] chars = sequence.chars;
            int[] ends = sequence.ends;
            int start = next == 0 ? 0 : ends[next - 1];
            int end = ends[next];
            if (!pairs) {
                term.copyBuffer(chars, start, end - start);
            } else if (next == count - 1) {
                char[] buffer = term.resizeBuffer(end - start + 2);
                System.arraycopy(chars, start, buffer, 0, end - start);
                buffer[end - start] = ' ';
                buffer[end - start + 1] = FILLER;
                term.setLength(end - start + 2);
            } else {
                int after = ends[next + 1];
                char[] buffer = term.resizeBuffer(after - start + 1);
                System.arraycopy(chars, start, buffer, 0, end - start);
                buffer[end - start] = ' ';
                System.arraycopy(chars, end, buffer, end - start + 1, after - end);
                term.setLength(after - start + 1);
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
