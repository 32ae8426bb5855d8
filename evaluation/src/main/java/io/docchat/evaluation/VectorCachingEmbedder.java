package io.docchat.evaluation;

import com.google.common.io.CountingInputStream;
import io.docchat.core.port.Embedding;
import io.docchat.core.port.PassageEmbedder;
import io.docchat.core.port.VectorSpace;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PassageEmbedder} that keeps every vector it is given on disk, keyed by the model id and the text's SHA-256,
 * so that evaluation runs over the same sets embed each passage (and question) once, not once per run.
 *
 * <p>The vectors of one model id live in one append-only file in the cache directory, named after the model id's
 * hash: a different model, or a model setting that changes vectors (both change the model id), never reads another's
 * vectors. The file is read whole when the embedder is made; a record cut short by a crash is ignored (and its text
 * embedded again). Only texts not in the cache reach the model, in one batch per call.
 */
public final class VectorCachingEmbedder implements PassageEmbedder {
    private static final Logger log = LoggerFactory.getLogger(VectorCachingEmbedder.class);
    private static final byte PASSAGE = 'P';
    private static final byte QUERY = 'Q';

    private final PassageEmbedder model;
    private final Path file;
    private final Map<String, List<Embedding>> vectors = new HashMap<>();
    private final AtomicLong computed = new AtomicLong();
    private DataOutputStream out;

    /**
     * @param model     the embedder whose vectors are kept
     * @param directory the cache directory (created if missing), shared by runs
     */
    public VectorCachingEmbedder(PassageEmbedder model, Path directory) {
        this.model = model;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the vector cache " + directory + ": " + e.getMessage(), e);
        }
        this.file = directory.resolve(sha256(model.modelId()).substring(0, 32) + ".vectors");
        load();
        log.info("Vector cache {}: {} vectors of {}", file, vectors.size(), model.modelId());
    }

    /** Texts this embedder handed to the model (passages and queries) since it was made. */
    public long computed() {
        return computed.get();
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    @Override
    public List<VectorSpace> spaces() {
        return model.spaces();
    }

    @Override
    public List<Embedding> embedPassages(List<String> texts) {
        List<Embedding> result = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        List<String> missingKeys = new ArrayList<>();
        synchronized (this) {
            for (String text : texts) {
                String key = key(PASSAGE, text);
                List<Embedding> known = vectors.get(key);
                result.add(known == null ? null : known.get(0));
                if (known == null) {
                    missing.add(text);
                    missingKeys.add(key);
                }
            }
        }
        if (missing.isEmpty()) {
            return result;
        }
        List<Embedding> fresh = model.embedPassages(missing);
        computed.addAndGet(missing.size());
        synchronized (this) {
            for (int i = 0; i < fresh.size(); i++) {
                store(missingKeys.get(i), List.of(fresh.get(i)));
            }
            flush();
        }
        int next = 0;
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i) == null) {
                result.set(i, fresh.get(next++));
            }
        }
        return result;
    }

    @Override
    public List<Embedding> embedQuery(String text) {
        String key = key(QUERY, text);
        synchronized (this) {
            List<Embedding> known = vectors.get(key);
            if (known != null) {
                return known;
            }
        }
        List<Embedding> fresh = model.embedQuery(text);
        computed.incrementAndGet();
        synchronized (this) {
            store(key, fresh);
            flush();
        }
        return fresh;
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
        } catch (IOException e) {
            log.warn("Cannot close the vector cache {}: {}", file, e.getMessage());
        } finally {
            model.close();
        }
    }

    private static String key(byte kind, String text) {
        return (char) kind + sha256(text);
    }

    /** Record: key (UTF), number of vectors, then per vector its space (UTF), dimension and components. */
    private void store(String key, List<Embedding> embeddings) {
        if (vectors.putIfAbsent(key, List.copyOf(embeddings)) != null) {
            return;
        }
        try {
            if (out == null) {
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
            }
            out.writeUTF(key);
            out.writeInt(embeddings.size());
            for (Embedding embedding : embeddings) {
                out.writeUTF(embedding.space());
                out.writeInt(embedding.vector().length);
                for (float component : embedding.vector()) {
                    out.writeFloat(component);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vector cache " + file + ": " + e.getMessage(), e);
        }
    }

    private void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vector cache " + file + ": " + e.getMessage(), e);
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        long whole = 0;
        try (CountingInputStream counted =
                new CountingInputStream(new BufferedInputStream(Files.newInputStream(file)));
                DataInputStream in = new DataInputStream(counted)) {
            while (true) {
                String key = in.readUTF();
                int count = in.readInt();
                List<Embedding> embeddings = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String space = in.readUTF();
                    float[] vector = new float[in.readInt()];
                    for (int c = 0; c < vector.length; c++) {
                        vector[c] = in.readFloat();
                    }
                    embeddings.add(new Embedding(space, vector));
                }
                vectors.put(key, List.copyOf(embeddings));
                whole = counted.getCount();
            }
        } catch (EOFException endOrTruncated) {
            // The end of the file, or a record a crash cut short: what was read whole is kept.
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Vector cache {} unreadable after {} vectors: {}", file, vectors.size(), e.getMessage());
        }
        // Appending after a partial record would make every later record unreadable: cut it off.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (channel.size() > whole) {
                channel.truncate(whole);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair the vector cache " + file + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
