package io.docchat.core.api;

import java.util.Iterator;

/**
 * An answer as it is written: iterate to pull events (the first is {@link ChatEvent.Started}, the last a terminal
 * event). Pulled by one thread; {@link #cancel()} may be called from any thread and stores the item as
 * {@code INTERRUPTED} with the answer so far. Closing an unfinished stream cancels it.
 */
public interface ChatStream extends Iterator<ChatEvent>, AutoCloseable {

    /** Stops generation; the next event (if pulled) is {@link ChatEvent.Interrupted}. Idempotent. */
    void cancel();

    @Override
    void close();
}
