package io.docchat.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The original files, by key. Keys are chosen by the engine: letters, digits, '-', '_' and '/'. */
public interface FileStore {

    /** Stores the bytes durably under the key, replacing any earlier content. */
    void put(String key, byte[] content);

    Optional<byte[]> read(String key);

    /** Deletes the file; false if there was none. */
    boolean delete(String key);

    /**
     * The keys starting with {@code prefix} of the files last written before {@code before}, in no particular order:
     * what the start-up looks through for files that belong to no document.
     */
    List<String> keysWrittenBefore(String prefix, Instant before);
}
