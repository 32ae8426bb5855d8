package io.docchat.core.model;

/**
 * One line of text as laid out on a page.
 *
 * @param box where the line is on its page, or null for formats without geometry (text, Word, Excel)
 */
public record TextLine(String text, Box box) {}
