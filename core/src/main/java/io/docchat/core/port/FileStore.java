package io.docchat.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The original files, by key. Keys are chosen by the engine: letters, digits, '-', '_' and '/'. */
public interface FileStore {

    /** Stores the bytes durably under the key, replacing any earlier content. */
    void put(String key, byte[] content);

    /**
     * Stores every file durably, as {@link #put} does each, before returning. A store may make the whole batch durable
     * at once (one flush per directory rather than one per file), which is what a directory's many small files want.
     * On failure some of the files may be stored and others not; the caller removes what it no longer needs.
     */
    default void putAll(Map<String, byte[]> contents) {
        contents.forEach(this::put);
    }

    Optional<byte[]> read(String key);

    /** Deletes the file; false if there was none. */
    boolean delete(String key);

    /**
     * The keys starting with {@code prefix} of the files last written before {@code before}, in no particular order:
     * what the start-up looks through for files that belong to no document.
     */
    List<String> keysWrittenBefore(String prefix, Instant before);
}
