package io.docchat.cli;

import io.docchat.core.DocChat;

/** An open docchat engine and the database it runs on; closing it closes both. */
public interface Backend extends AutoCloseable {

    DocChat docChat();

    @Override
    void close();

    /** Opens the engine on a data directory. */
    @FunctionalInterface
    interface Factory {
        Backend open(DataHome home, ModelSettings model);
    }
}
