package io.docchat.core.memory;

import io.docchat.core.files.FileKeys;
import io.docchat.core.port.FileStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link FileStore} held in memory. Content is copied on the way in and on the way out, so neither the caller's
 * array nor a reader's can change what is stored.
 */
public final class InMemoryFileStore implements FileStore {

    private final ConcurrentMap<String, byte[]> files = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> writtenAt = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryFileStore() {}

    @Override
    public void put(String key, byte[] content) {
        Objects.requireNonNull(content, "content");
        files.put(FileKeys.requireValid(key), content.clone());
        writtenAt.put(key, Instant.now());
    }

    @Override
    public Optional<byte[]> read(String key) {
        byte[] content = files.get(FileKeys.requireValid(key));
        return content == null ? Optional.empty() : Optional.of(content.clone());
    }

    @Override
    public boolean delete(String key) {
        writtenAt.remove(FileKeys.requireValid(key));
        return files.remove(key) != null;
    }

    @Override
    public List<String> keysWrittenBefore(String prefix, Instant before) {
        List<String> keys = new ArrayList<>();
        writtenAt.forEach((key, time) -> {
            if (key.startsWith(prefix) && time.isBefore(before)) {
                keys.add(key);
            }
        });
        return keys;
    }
}
