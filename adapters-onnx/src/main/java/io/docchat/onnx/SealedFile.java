package io.docchat.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A cache file that proves itself whole: its payload is followed by the key it was made for and a trailer with the
 * payload's length and CRC-32. A file cut short, damaged in place, or made for another key (another model, another
 * ONNX Runtime) fails {@link #open} and is never handed to the native library.
 *
 * <p>Layout: {@code payload | key (UTF-8) | payload length (8) | payload CRC-32 (8) | key length (4) | magic (8)}.
 */
final class SealedFile {
    private static final byte[] MAGIC = "DCSEALv1".getBytes(StandardCharsets.US_ASCII);
    private static final int TRAILER = 8 + 8 + 4 + MAGIC.length;

    private SealedFile() {}

    /**
     * Appends the key and the trailer to a file whose whole content is the payload, and forces it to the disk.
     */
    static void seal(Path file, String key) throws IOException {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long length = channel.size();
            long crc = crc(channel.map(FileChannel.MapMode.READ_ONLY, 0, length));
            ByteBuffer tail = ByteBuffer.allocate(keyBytes.length + TRAILER)
                    .put(keyBytes).putLong(length).putLong(crc).putInt(keyBytes.length).put(MAGIC).flip();
            long position = length;
            while (tail.hasRemaining()) {
                position += channel.write(tail, position);
            }
            channel.force(true);
        }
    }

    /**
     * The payload of a sealed file made for this key, mapped read-only and verified; null when the file is missing,
     * cut short, damaged or made for another key.
     */
    static ByteBuffer open(Path file, String key) throws IOException {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < TRAILER + keyBytes.length || size > Integer.MAX_VALUE) {
                return null;
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            ByteBuffer trailer = mapped.slice((int) (size - TRAILER), TRAILER);
            long length = trailer.getLong();
            long crc = trailer.getLong();
            int keyLength = trailer.getInt();
            byte[] magic = new byte[MAGIC.length];
            trailer.get(magic);
            if (!Arrays.equals(magic, MAGIC) || keyLength != keyBytes.length
                    || length != size - TRAILER - keyLength) {
                return null;
            }
            byte[] storedKey = new byte[keyLength];
            mapped.get((int) length, storedKey);
            ByteBuffer payload = mapped.slice(0, (int) length);
            if (!Arrays.equals(storedKey, keyBytes) || crc(payload.duplicate()) != crc) {
                return null;
            }
            return payload;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static long crc(ByteBuffer bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
