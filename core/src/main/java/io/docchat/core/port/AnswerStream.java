package io.docchat.core.port;

import java.util.List;

/**
 * An answer being written. Pulled by one thread; {@link #close()} may be called from any thread at any time and makes
 * a blocked {@link #nextDelta()} return or throw promptly (a network-backed model closes its connection).
 */
public interface AnswerStream extends AutoCloseable {

    /**
     * The next piece of answer text, or null when the answer is complete. A failure after the answer started throws a
     * {@link io.docchat.core.DocChatException} ({@code MODEL_UNAVAILABLE}).
     */
    String nextDelta();

    /**
     * True when {@link #nextDelta()} would return a piece of text at once, without waiting for the model and without
     * ending the answer. A driver that writes to a network gathers such deltas into one write. False when unsure, which
     * is always correct: a model that writes as it goes (a remote one) keeps the default.
     */
    default boolean deltaReady() {
        return false;
    }

    /**
     * The passage spans the answer cites so far. A model that decides its citations up front (the extractive one)
     * returns them before the first delta; a generative one learns them as it writes. Empty when the model cites
     * nothing (or does not cite at all).
     */
    List<CitedSpan> citations();

    /**
     * True when {@link #citations()} is final from the start (an extractive model): then an empty list means the
     * answer cites nothing. False for a model that learns its citations while writing.
     */
    default boolean citationsKnownUpFront() {
        return false;
    }

    @Override
    void close();
}
