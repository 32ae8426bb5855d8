package io.docchat.postgres.bench;

import io.docchat.core.files.FileSystemFileStore;
import io.docchat.core.port.FileStore;
import io.docchat.postgres.PostgresStorage;
import io.docchat.postgres.ThrowawayPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Original files shared by every node, two ways: chunked {@code bytea} in PostgreSQL (the throwaway server of the tests,
 * with {@code fsync} off) against a directory (the file-system store, on the local disk, standing in for a shared mount).
 * Puts and reads files of 100 KB, 1 MB and 10 MB, interleaved, and prints the median milliseconds per file and the
 * ratio. A program, not a test; command in {@code docs/SCALING.md}.
 */
public final class FileStoreBench {
    private static final int[] SIZES = {100 * 1024, 1024 * 1024, 10 * 1024 * 1024};
    private static final int ROUNDS = 15;

    private FileStoreBench() {}

    public static void main(String[] args) throws IOException {
        Path directory = Files.createTempDirectory("docchat-files-bench-");
        try (PostgresStorage storage = PostgresStorage.open(ThrowawayPostgres.shared().newDatabase())) {
            FileStore database = storage.fileStore();
            FileStore files = new FileSystemFileStore(directory);
            System.out.printf(Locale.ROOT, "%-8s %-5s %12s %12s %8s%n", "size", "op", "postgres ms", "directory ms",
                    "ratio");
            Random random = new Random(7);
            for (int size : SIZES) {
                byte[] content = new byte[size];
                random.nextBytes(content);
                List<Double> dbPut = new ArrayList<>();
                List<Double> dbRead = new ArrayList<>();
                List<Double> dirPut = new ArrayList<>();
                List<Double> dirRead = new ArrayList<>();
                for (int round = 0; round < ROUNDS + 3; round++) {
                    String key = "bench/" + size + "/" + round;
                    boolean warm = round >= 3;
                    time(() -> database.put(key, content), warm ? dbPut : null);
                    time(() -> files.put(key, content), warm ? dirPut : null);
                    time(() -> check(database.read(key).orElseThrow(), content), warm ? dbRead : null);
                    time(() -> check(files.read(key).orElseThrow(), content), warm ? dirRead : null);
                }
                print(size, "put", median(dbPut), median(dirPut));
                print(size, "read", median(dbRead), median(dirRead));
            }
        } finally {
            try (var walk = Files.walk(directory)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void check(byte[] read, byte[] expected) {
        if (!Arrays.equals(read, expected)) {
            throw new IllegalStateException("read back different bytes");
        }
    }

    private static void time(Runnable work, List<Double> into) {
        long start = System.nanoTime();
        work.run();
        if (into != null) {
            into.add((System.nanoTime() - start) / 1e6);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void print(int size, String op, double database, double directory) {
        System.out.printf(Locale.ROOT, "%-8s %-5s %12.2f %12.2f %8.2f%n", size / 1024 + " KB", op, database,
                directory, database / directory);
    }
}
