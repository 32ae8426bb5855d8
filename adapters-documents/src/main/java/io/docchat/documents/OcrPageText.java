package io.docchat.documents;

import java.util.List;

/**
 * What Tesseract read from one image: the lines in its reading order.
 *
 * @param imageWidth  width of the recognised image in pixels
 * @param imageHeight height of the recognised image in pixels
 */
record OcrPageText(int imageWidth, int imageHeight, List<OcrLine> lines) {
    OcrPageText {
        lines = List.copyOf(lines);
    }

    /** Every word of the page, in reading order. */
    List<OcrWord> words() {
        return lines.stream().flatMap(line -> line.words().stream()).toList();
    }
}
