package io.docchat.core.files;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.port.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FileStore} on a directory. Key {@code a/b/c} is the file {@code a/b/c.bin} under the root: the suffix lets
 * {@code a/b} be a file while {@code a/b/c} exists too, since a key's directory and a key's file never share a name.
 *
 * <p>Writes are durable and atomic: the bytes go to a temporary file in the target's directory, which is flushed to
 * disk and then renamed over the target, so a reader sees the old content or the new, never a torn file, even after
 * a crash. Temporary files start with '.', which no key segment can, so they never collide with stored files.
 */
public final class FileSystemFileStore implements FileStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemFileStore.class);
    private static final String SUFFIX = ".bin";
    private static final String TEMP_PREFIX = ".put-";
    private static final String TEMP_SUFFIX = ".tmp";
    /** Older than this, a temporary file cannot belong to a write still under way in another process. */
    private static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

    private final Path root;

    /**
     * A store rooted at {@code root}, which is created if missing. Temporary files that a process killed in the
     * middle of a write left behind (an hour old or more) are removed.
     *
     * @throws DocChatException {@code STORAGE_FAILURE} if the directory cannot be created
     */
    public FileSystemFileStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new DocChatException(ErrorCode.STORAGE_FAILURE, "cannot create the file store directory "
                    + this.root + ": " + e.getMessage(), e);
        }
        removeStaleTemporaryFiles();
    }

    private void removeStaleTemporaryFiles() {
        Instant staleBefore = Instant.now().minus(STALE_TEMP_AGE);
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
            }).forEach(f -> {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(staleBefore)) {
                        Files.deleteIfExists(f);
                        LOG.info("Removed {}, left by an interrupted write", f);
                    }
                } catch (IOException e) {
                    LOG.warn("Could not remove the stale temporary file {}", f, e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not look for stale temporary files under {}", root, e);
        }
    }

    /** The directory holding the files. */
    public Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] content) {
        putAll(Map.of(key, Objects.requireNonNull(content, "content")));
    }

    /**
     * Writes every file to its temporary first and flushes them after, so that the file system can write them out
     * together; then renames each over its target and flushes each directory once, however many files it received.
     */
    @Override
    public void putAll(Map<String, byte[]> contents) {
        Map<String, Path> temporaries = new LinkedHashMap<>();
        String current = null;
        try {
            for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
                current = entry.getKey();
                byte[] content = Objects.requireNonNull(entry.getValue(), "content");
                Path directory = pathOf(current).getParent();
                Files.createDirectories(directory);
                Path temporary = Files.createTempFile(directory, TEMP_PREFIX, TEMP_SUFFIX);
                temporaries.put(current, temporary);
                write(temporary, content);
            }
            for (Map.Entry<String, Path> entry : temporaries.entrySet()) {
                current = entry.getKey();
                force(entry.getValue());
            }
            Set<Path> directories = new LinkedHashSet<>();
            for (Map.Entry<String, Path> entry : temporaries.entrySet()) {
                current = entry.getKey();
                Path target = pathOf(current);
                moveAtomically(entry.getValue(), target);
                directories.add(target.getParent());
            }
            directories.forEach(FileSystemFileStore::syncDirectory);
        } catch (IOException e) {
            String batch = contents.size() > 1 ? " of a batch of " + contents.size() : "";
            throw new DocChatException(ErrorCode.STORAGE_FAILURE,
                    "cannot store file " + current + batch + ": " + e.getMessage(), e);
        } finally {
            // A temporary already renamed is gone, and deleting it again does nothing.
            temporaries.values().forEach(FileSystemFileStore::deleteQuietly);
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        Path path = pathOf(key);
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DocChatException(ErrorCode.STORAGE_FAILURE, "cannot read file " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String key) {
        Path path = pathOf(key);
        try {
            boolean deleted = Files.deleteIfExists(path);
            if (deleted) {
                syncDirectory(path.getParent());
            }
            return deleted;
        } catch (IOException e) {
            throw new DocChatException(ErrorCode.STORAGE_FAILURE, "cannot delete file " + key + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public List<String> keysWrittenBefore(String prefix, Instant before) {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f)).forEach(f -> {
                String relative = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                String key = relative.substring(0, relative.length() - SUFFIX.length());
                try {
                    if (key.startsWith(prefix) && isValidKey(key)
                            && Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                        keys.add(key);
                    }
                } catch (IOException e) {
                    LOG.debug("cannot read the time of {}: {}", f, e.toString());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new DocChatException(ErrorCode.STORAGE_FAILURE, "cannot list the files under " + root, e);
        }
        return keys;
    }

    /** Files under the root not named by this store (a stray copy, say) are no keys and are left alone. */
    private static boolean isValidKey(String key) {
        try {
            FileKeys.requireValid(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Path pathOf(String key) {
        Path path = root.resolve(FileKeys.requireValid(key) + SUFFIX).normalize();
        // FileKeys already excludes every way out of the root; this guards against a future change to it.
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("file key leads outside the store: " + key);
        }
        return path;
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on file systems without atomic rename; the data is already synced.
            LOG.warn("atomic rename not supported in {}; replacing {} non-atomically", source.getParent(), target);
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a rename or removal in {@code directory} durable; not every platform can open a directory for this. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot sync directory {}: {}", directory, e.toString());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("cannot remove temporary file {}: {}", path, e.toString());
        }
    }

    @Override
    public String toString() {
        return "FileSystemFileStore[" + root + "]";
    }
}
