package io.docchat.documents;

/**
 * A word as Tesseract read it.
 *
 * @param text       the word
 * @param left       left edge in image pixels
 * @param top        top edge in image pixels
 * @param width      in image pixels
 * @param height     in image pixels
 * @param confidence Tesseract's confidence, 0 to 100
 */
record OcrWord(String text, int left, int top, int width, int height, float confidence) {}
