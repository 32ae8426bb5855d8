package io.docchat.postgres;

import io.docchat.core.files.FileKeys;
import io.docchat.core.port.FileStore;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link FileStore} in PostgreSQL, so every node of a cluster reads the same original files without a shared file
 * system; a view of a {@link PostgresStorage}, closed with it.
 *
 * <p>A file is one row in {@code stored_file} and its bytes are rows of at most {@value #CHUNK_BYTES} bytes in
 * {@code stored_file_chunk}: no value approaches the server's limits, and a write is one transaction, so a reader on
 * any node sees the old content or the new, never a mixture.
 */
public final class PostgresFileStore implements FileStore {
    static final int CHUNK_BYTES = 1 << 20;

    private final PostgresTransactions transactions;

    PostgresFileStore(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void put(String key, byte[] content) {
        FileKeys.requireValid(key);
        byte[] copy = content.clone();
        int chunks = (copy.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        transactions.write("storing file " + key, handle -> {
            handle.createUpdate("INSERT INTO stored_file (key, size_bytes, chunks, written_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (key) DO UPDATE SET size_bytes = EXCLUDED.size_bytes,"
                            + " chunks = EXCLUDED.chunks, written_at = EXCLUDED.written_at")
                    .bind(0, key)
                    .bind(1, (long) copy.length)
                    .bind(2, chunks)
                    .bind(3, Times.toNanos(Instant.now()))
                    .execute();
            handle.createUpdate("DELETE FROM stored_file_chunk WHERE key = ?").bind(0, key).execute();
            for (int i = 0; i < chunks; i++) {
                int from = i * CHUNK_BYTES;
                handle.createUpdate("INSERT INTO stored_file_chunk (key, ordinal, data) VALUES (?, ?, ?)")
                        .bind(0, key)
                        .bind(1, i)
                        .bind(2, Arrays.copyOfRange(copy, from, Math.min(copy.length, from + CHUNK_BYTES)))
                        .execute();
            }
            return null;
        });
    }

    @Override
    public Optional<byte[]> read(String key) {
        FileKeys.requireValid(key);
        return transactions.read("reading file " + key, handle -> {
            Optional<Long> size = handle.createQuery("SELECT size_bytes FROM stored_file WHERE key = ?")
                    .bind(0, key)
                    .mapTo(Long.class)
                    .findOne();
            if (size.isEmpty()) {
                return Optional.empty();
            }
            List<byte[]> chunks = handle.createQuery(
                            "SELECT data FROM stored_file_chunk WHERE key = ? ORDER BY ordinal")
                    .bind(0, key)
                    .mapTo(byte[].class)
                    .list();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.toIntExact(size.get()));
            chunks.forEach(out::writeBytes);
            return Optional.of(out.toByteArray());
        });
    }

    @Override
    public List<String> keysWrittenBefore(String prefix, Instant before) {
        return transactions.read("listing files written before " + before, handle -> handle
                .createQuery("SELECT key FROM stored_file WHERE starts_with(key, ?) AND written_at < ?")
                .bind(0, prefix)
                .bind(1, Times.toNanos(before))
                .mapTo(String.class)
                .list());
    }

    @Override
    public boolean delete(String key) {
        FileKeys.requireValid(key);
        return transactions.write("deleting file " + key, handle -> handle
                .createUpdate("DELETE FROM stored_file WHERE key = ?")
                .bind(0, key)
                .execute() > 0);
    }
}
