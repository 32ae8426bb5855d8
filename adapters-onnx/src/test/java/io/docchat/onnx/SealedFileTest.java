package io.docchat.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedFileTest {
    private static final String KEY = "graph;resource=model;onnxruntime=1.20.0;source=1-2";

    @TempDir
    Path temp;

    private Path file;
    private byte[] payload;

    @BeforeEach
    void sealAFile() throws IOException {
        payload = new byte[100_000];
        new Random(7).nextBytes(payload);
        file = temp.resolve("sealed");
        Files.write(file, payload);
        SealedFile.seal(file, KEY);
    }

    @Test
    void aSealedFileOpensToItsPayload() throws IOException {
        ByteBuffer opened = SealedFile.open(file, KEY);
        assertThat(opened).isNotNull();
        byte[] read = new byte[opened.remaining()];
        opened.get(read);
        assertThat(read).isEqualTo(payload);
    }

    @Test
    void aFileSealedForAnotherKeyIsRefused() throws IOException {
        assertThat(SealedFile.open(file, KEY.replace("1.20.0", "1.21.0"))).isNull();
        assertThat(SealedFile.open(file, KEY + "x")).isNull();
    }

    @Test
    void aFileCutShortIsRefused() throws IOException {
        for (long size : new long[] {Files.size(file) - 1, payload.length, 10, 0}) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(size);
            }
            assertThat(SealedFile.open(file, KEY)).as("cut to %d bytes", size).isNull();
        }
    }

    @Test
    void aFileDamagedInPlaceIsRefused() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, 50_000);
            one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
            channel.write(one, 50_000);
        }
        assertThat(SealedFile.open(file, KEY)).isNull();
    }

    @Test
    void aFileWithBytesAppendedIsRefused() throws IOException {
        Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        assertThat(SealedFile.open(file, KEY)).isNull();
    }

    @Test
    void aFileNeverSealedOrMissingIsRefused() throws IOException {
        Path plain = temp.resolve("plain");
        Files.write(plain, payload);
        assertThat(SealedFile.open(plain, KEY)).isNull();
        assertThat(SealedFile.open(temp.resolve("missing"), KEY)).isNull();
    }
}
