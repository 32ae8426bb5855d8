package io.docchat.core.text.parsing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the bytes of a text file strictly: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order
 * mark. Anything else, and any content with NUL characters, is binary: decoding returns null rather than guessing, so a
 * binary file is never indexed as garbage.
 */
final class TextDecoding {

    private TextDecoding() {}

    /** The decoded text without its byte-order mark, or null when the bytes are not text. */
    static String decode(byte[] content) {
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
        if (charset == StandardCharsets.UTF_8) {
            for (int i = offset; i < n; i++) {
                if (content[i] == 0) {
                    return null;
                }
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(content, offset, n - offset));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.indexOf('\0') >= 0 || tooManyControlCharacters(text)) {
            return null;
        }
        return text;
    }

    /**
     * Valid UTF-8 can still be binary (ASCII-range data files): more than one control character in a hundred, other
     * than tab, line breaks and form feed, says so.
     */
    private static boolean tooManyControlCharacters(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            }
        }
        return controls > 0 && controls * 100L > text.length();
    }
}
