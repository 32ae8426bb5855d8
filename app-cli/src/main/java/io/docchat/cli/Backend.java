package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.core.port.AccountStore;
import java.util.Optional;

/** An open docchat engine and the account store it shares its database with; closing it closes both. */
public interface Backend extends AutoCloseable {

    DocChat docChat();

    AccountStore accounts();

    /**
     * The key that signs file and page-image URLs when the store provides one that every node shares; empty when
     * each server keeps its own in its data directory.
     */
    default Optional<byte[]> urlSigningKey() {
        return Optional.empty();
    }

    @Override
    void close();

    /** Opens the engine on a data directory, with the store it names. */
    @FunctionalInterface
    interface Factory {
        Backend open(DataHome home, StoreSettings store, ModelSettings model);
    }
}
