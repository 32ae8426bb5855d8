package io.docchat.onnx;

import io.docchat.core.files.ClassPathResource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory where the bundled models are kept ready to load, so that a process that embeds a question starts
 * quickly: each model's graph as ONNX Runtime optimised it, and ONNX Runtime's native libraries. Without it every
 * process inflates a 24-33 MB graph out of the jar and optimises it (about 0.8 s on one core), and ONNX Runtime
 * copies its 17 MB native library to a temporary file before loading it.
 *
 * <p>Files are made on first use and replaced by an atomic move, so a reader sees a whole file or none. Each is
 * named, and sealed, for what it was made from (the model resource's size and CRC-32, the ONNX Runtime version) and
 * verified on every load (length and CRC-32 of the whole file): a stale, cut or damaged file is never used, and is
 * made again. Processes that make the same file at once each write their own temporary file and the last move
 * wins; both results are the same. When the directory cannot be written, models load from the jar as without a
 * cache. Nothing is ever downloaded. Deleting the directory is always safe.
 */
public final class ModelCache {
    private static final Logger log = LoggerFactory.getLogger(ModelCache.class);

    /** Temporary files older than this are left by a process that died while writing, and are removed. */
    private static final Duration ABANDONED = Duration.ofHours(1);
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final ModelCache NONE = new ModelCache(null);

    private final Path directory;

    private ModelCache(Path directory) {
        this.directory = directory;
    }

    /** A cache in this directory, created when first written. */
    public static ModelCache in(Path directory) {
        return new ModelCache(directory.toAbsolutePath().normalize());
    }

    /** No cache: every process loads and optimises the models from the jar. */
    public static ModelCache none() {
        return NONE;
    }

    /** The directory, or empty for {@link #none()}. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    boolean enabled() {
        return directory != null;
    }

    /**
     * The optimised graph made from this source for this ONNX Runtime version, mapped and verified, or null when there
     * is none fit to use.
     */
    ByteBuffer graph(String resource, String runtimeVersion, ClassPathResource source) {
        if (directory == null) {
            return null;
        }
        Path file = graphFile(resource, runtimeVersion, source);
        try {
            ByteBuffer graph = SealedFile.open(file, graphKey(resource, runtimeVersion, source));
            if (graph == null && Files.exists(file)) {
                log.info("The cached embedding model {} is damaged or incomplete; it is made again", file);
            }
            return graph;
        } catch (IOException e) {
            log.debug("Cannot read the cached embedding model {}", file, e);
            return null;
        }
    }

    /**
     * A new empty file in the directory for ONNX Runtime to write an optimised graph to, or null when there is no
     * cache or its directory cannot be written.
     */
    Path newGraphFile(String resource) {
        if (directory == null) {
            return null;
        }
        try {
            Files.createDirectories(directory);
            return Files.createTempFile(directory, resource + ".", TEMPORARY_SUFFIX);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("The model cache {} cannot be written; models load from the jar", directory, e);
            return null;
        }
    }

    /**
     * Seals a graph file ONNX Runtime has written and moves it into place; a failure only leaves the cache as it was.
     */
    void publishGraph(Path written, String resource, String runtimeVersion, ClassPathResource source) {
        Path target = graphFile(resource, runtimeVersion, source);
        try {
            if (Files.size(written) == 0) {
                log.debug("ONNX Runtime wrote no optimised graph to {}", written);
                return;
            }
            SealedFile.seal(written, graphKey(resource, runtimeVersion, source));
            ClassPathResource.moveIntoPlace(written, target);
            log.info("Saved the optimised embedding model to {}", target);
        } catch (IOException e) {
            log.debug("Cannot save the optimised embedding model to {}", target, e);
        } finally {
            deleteQuietly(written);
            removeAbandoned(directory);
        }
    }

    /**
     * A directory holding these class-path resources as files, each verified against the resource's size and CRC-32
     * and copied from it when missing or different; null when there is no cache or it cannot be written.
     *
     * @param name      the directory's name inside the cache (it should name what the files were made from)
     * @param resources the resources, each kept under its file name
     */
    Path files(String name, ClassPathResource... resources) {
        if (directory == null) {
            return null;
        }
        Path target = directory.resolve(name);
        try {
            for (ClassPathResource resource : resources) {
                resource.keepIn(target);
            }
            return target;
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Cannot keep {} in the model cache {}", name, directory, e);
            return null;
        }
    }

    private Path graphFile(String resource, String runtimeVersion, ClassPathResource source) {
        return directory.resolve(resource + ".onnxruntime-" + fileName(runtimeVersion) + "." + source.fingerprint()
                + ".onnx");
    }

    /** What the sealed file must have been made for: the format, the model, the runtime and the source's bytes. */
    private static String graphKey(String resource, String runtimeVersion, ClassPathResource source) {
        return "optimised-graph;level=extended;resource=" + resource + ";onnxruntime=" + runtimeVersion
                + ";source=" + source.fingerprint();
    }

    private static String fileName(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return last.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void removeAbandoned(Path directory) {
        Instant before = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + TEMPORARY_SUFFIX)) {
            for (Path file : files) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.toInstant().isBefore(before)) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            log.debug("Cannot clean the model cache {}", directory, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Cannot delete {}", file, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelCache cache && Objects.equals(directory, cache.directory);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(directory);
    }

    @Override
    public String toString() {
        return directory == null ? "ModelCache[none]" : "ModelCache[" + directory + "]";
    }
}
