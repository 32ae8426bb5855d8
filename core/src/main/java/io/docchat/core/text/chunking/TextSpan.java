package io.docchat.core.text.chunking;

/**
 * A span {@code [start, end)} of characters in some text.
 *
 * @param start first character, inclusive
 * @param end   end, exclusive; never less than {@code start}
 */
public record TextSpan(int start, int end) {
    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** The characters of this span in {@code text}. */
    public String of(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
