package io.docchat.core.api;

import java.util.Iterator;

/**
 * An answer as it is written: iterate to pull events (the first is {@link ChatEvent.Started}, the last a terminal
 * event). Pulled by one thread; {@link #cancel()} may be called from any thread and stores the item as
 * {@code INTERRUPTED} with the answer so far. Closing an unfinished stream cancels it.
 */
public interface ChatStream extends Iterator<ChatEvent>, AutoCloseable {

    /**
     * True when {@link #next()} would return at once with a {@link ChatEvent.Delta} the answer model has already
     * written: no wait for the model, no write to the store. A driver that writes events to a network gathers such
     * events into one write and sends what it gathered before it pulls an event that is not ready. False when
     * unsure, and always for the first event and the terminal one (each is stored before it is returned).
     */
    default boolean nextIsReady() {
        return false;
    }

    /** Stops generation; the next event (if pulled) is {@link ChatEvent.Interrupted}. Idempotent. */
    void cancel();

    @Override
    void close();
}
