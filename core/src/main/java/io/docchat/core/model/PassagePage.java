package io.docchat.core.model;

/**
 * The size and rotation of a page a passage covers, recorded when the passage was cut: what a citation needs to draw
 * its line boxes, without reading the page again.
 *
 * @param number 1-based page number
 */
public record PassagePage(int number, float width, float height, int rotation) {}
