package io.docchat.documents;

import io.docchat.core.text.analysis.CjkScript;
import java.util.List;

/**
 * A text line of Tesseract's layout: its words in reading order and its box in image pixels.
 *
 * @param block     Tesseract's block number, which with {@code paragraph} identifies the line's paragraph
 * @param paragraph Tesseract's paragraph number within the block
 */
record OcrLine(int block, int paragraph, int left, int top, int width, int height, List<OcrWord> words) {
    OcrLine {
        words = List.copyOf(words);
    }

    /** The words joined as the script is written: a space between words, none between CJK characters. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (OcrWord word : words) {
            String text = word.text();
            if (sb.length() > 0 && !(CjkScript.endsWithCjk(sb) && CjkScript.startsWithCjk(text))) {
                sb.append(' ');
            }
            sb.append(text);
        }
        return sb.toString();
    }

    boolean sameParagraph(OcrLine other) {
        return other != null && block == other.block && paragraph == other.paragraph;
    }
}
