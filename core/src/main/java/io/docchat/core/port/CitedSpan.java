package io.docchat.core.port;

/**
 * A cited part of a prompt passage: characters {@code [start, end)} of passage {@code passageNumber}'s text. A model
 * that cites whole passages uses {@code 0} and the text's length.
 */
public record CitedSpan(int passageNumber, int start, int end) {}
