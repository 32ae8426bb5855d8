package io.docchat.core.text.parsing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the bytes of a text file strictly: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order
 * mark. Anything else, and any content with NUL characters, is binary: decoding refuses it rather than guessing, so a
 * binary file is never indexed as garbage.
 *
 * <p>Decoding hands the text on in pieces of {@value #CHUNK_CHARS} characters and never holds the whole of it, so
 * that reading a text costs memory for what is kept of it, not for the size of the file.
 */
final class TextDecoding {
    static final int CHUNK_CHARS = 64 * 1024;
    /** The characters {@link Scan#head()} keeps: enough to tell an HTML page from text. */
    static final int HEAD_CHARS = 512;

    private TextDecoding() {}

    /**
     * What a pass over the whole text found.
     *
     * @param formFeeds whether the text has a form feed anywhere (it then pages itself)
     * @param blank     whether the text is nothing but white space
     * @param head      the first {@value #HEAD_CHARS} characters
     */
    record Scan(Charset charset, int offset, boolean formFeeds, boolean blank, String head) {}

    /** Receives decoded text piece by piece; answers false to stop the decoding. */
    @FunctionalInterface
    interface Pieces {
        boolean accept(CharBuffer piece);
    }

    /** Checks that the whole content is text; null when it is not. */
    static Scan scan(byte[] content) {
        int n = content.length;
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (n >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            offset = 3;
        } else if (n >= 2 && (content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (n >= 2 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        ScanCounts counts = new ScanCounts();
        if (!decode(content, charset, offset, counts)) {
            return null;
        }
        // Valid UTF-8 can still be binary (ASCII-range data files): more than one control character in a hundred,
        // other than tab, line breaks and form feed, says so.
        if (counts.nul || (counts.controls > 0 && counts.controls * 100L > counts.length)) {
            return null;
        }
        return new Scan(charset, offset, counts.formFeeds, !counts.visible, counts.head.toString());
    }

    /**
     * Decodes scanned content again, piece by piece.
     *
     * @return false when the receiver stopped the decoding
     */
    static boolean decode(byte[] content, Scan scan, Pieces pieces) {
        return decode(content, scan.charset(), scan.offset(), pieces);
    }

    private static boolean decode(byte[] content, Charset charset, int offset, Pieces pieces) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, offset, content.length - offset);
        CharBuffer out = CharBuffer.allocate(CHUNK_CHARS);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (!handOn(out, pieces)) {
                return false;
            }
            if (result.isUnderflow()) {
                break;
            }
        }
        CoderResult flushed = decoder.flush(out);
        return !flushed.isError() && handOn(out, pieces);
    }

    private static boolean handOn(CharBuffer out, Pieces pieces) {
        out.flip();
        boolean more = !out.hasRemaining() || pieces.accept(out);
        out.clear();
        return more;
    }

    /** The tallies of {@link #scan}. */
    private static final class ScanCounts implements Pieces {
        final StringBuilder head = new StringBuilder();
        long length;
        long controls;
        boolean nul;
        boolean formFeeds;
        boolean visible;

        @Override
        public boolean accept(CharBuffer piece) {
            while (piece.hasRemaining()) {
                char c = piece.get();
                length++;
                if (head.length() < HEAD_CHARS) {
                    head.append(c);
                }
                if (c == '\0') {
                    nul = true;
                    return false;
                }
                if (c == '\f') {
                    formFeeds = true;
                } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    controls++;
                }
                // The same judgement as String.isBlank; a surrogate is never white space.
                if (!visible && !Character.isWhitespace(c)) {
                    visible = true;
                }
            }
            return true;
        }
    }
}
