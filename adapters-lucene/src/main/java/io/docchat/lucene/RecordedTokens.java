package io.docchat.lucene;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The tokens of one text, recorded once from a tokenizer and replayed as often as needed: each field's filters then
 * start from the same tokens without tokenizing the text again. Keeps what the filters downstream read (term, type,
 * offsets, position increment) in flat arrays reused from text to text, not one attribute state per token.
 */
final class RecordedTokens extends TokenStream {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

    private char[] chars = new char[1024];
    /** Per token: where its term ends in {@link #chars}, then start offset, end offset, position increment. */
    private int[] numbers = new int[4 * 128];
    private String[] types = new String[128];
    private int count;
    private int charCount;
    private int next;

    /** Replaces the recording with every token of {@code tokens}, which is consumed and closed. */
    void record(TokenStream tokens) throws IOException {
        count = 0;
        charCount = 0;
        next = 0;
        try (tokens) {
            CharTermAttribute sourceTerm = tokens.getAttribute(CharTermAttribute.class);
            TypeAttribute sourceType = tokens.getAttribute(TypeAttribute.class);
            OffsetAttribute sourceOffset = tokens.getAttribute(OffsetAttribute.class);
            PositionIncrementAttribute sourceIncrement = tokens.getAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                int length = sourceTerm.length();
                if (charCount + length > chars.length) {
                    chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + length));
                }
                System.arraycopy(sourceTerm.buffer(), 0, chars, charCount, length);
                charCount += length;
                if (count == types.length) {
                    types = Arrays.copyOf(types, count * 2);
                    numbers = Arrays.copyOf(numbers, 4 * count * 2);
                }
                types[count] = sourceType.type();
                int at = 4 * count;
                numbers[at] = charCount;
                numbers[at + 1] = sourceOffset.startOffset();
                numbers[at + 2] = sourceOffset.endOffset();
                numbers[at + 3] = sourceIncrement.getPositionIncrement();
                count++;
            }
            tokens.end();
        }
    }

    @Override
    public boolean incrementToken() {
        if (next == count) {
            return false;
        }
        clearAttributes();
        int at = 4 * next;
        int start = next == 0 ? 0 : numbers[at - 4];
        term.copyBuffer(chars, start, numbers[at] - start);
        type.setType(types[next]);
        offset.setOffset(numbers[at + 1], numbers[at + 2]);
        increment.setPositionIncrement(numbers[at + 3]);
        next++;
        return true;
    }

    /** Rewinds to the first token, so the next field's filters read the same tokens. */
    @Override
    public void reset() throws IOException {
        super.reset();
        next = 0;
    }
}
