package io.docchat.core.engine;

import io.docchat.core.DocChat;

/** Wires the services behind {@link DocChat}. */
public final class Engine {
    private Engine() {}

    public static DocChat start(EngineConfig config) {
        throw new UnsupportedOperationException("engine wiring pending");
    }
}
