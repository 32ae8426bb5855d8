package io.docchat.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends variable-length integers, floats and strings to a growable byte array. Not thread-safe; reusable. */
final class ByteWriter {
    private byte[] buffer;
    private int length;

    ByteWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** Forgets what was written, keeping the buffer for the next value. */
    void reset() {
        length = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    void writeByte(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
    }

    /** A non-negative int in 7-bit groups, low group first: small counts and offsets take one byte. */
    void writeVarInt(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value cannot be encoded: " + value);
        }
        writeUnsigned(value);
    }

    /** Any int, zig-zag encoded so that small negative numbers stay short. */
    void writeSignedVarInt(int value) {
        writeUnsigned((value << 1) ^ (value >> 31));
    }

    /** The 32 bits of {@code bits} as an unsigned number in 7-bit groups (at most five bytes). */
    private void writeUnsigned(int bits) {
        ensure(5);
        while ((bits & ~0x7F) != 0) {
            buffer[length++] = (byte) ((bits & 0x7F) | 0x80);
            bits >>>= 7;
        }
        buffer[length++] = (byte) bits;
    }

    void writeVarLong(long value) {
        ensure(10);
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            buffer[length++] = (byte) ((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        buffer[length++] = (byte) zigzag;
    }

    /** The exact IEEE bits, so every float (including NaN payloads and -0) reads back identical. */
    void writeFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        ensure(4);
        buffer[length++] = (byte) bits;
        buffer[length++] = (byte) (bits >>> 8);
        buffer[length++] = (byte) (bits >>> 16);
        buffer[length++] = (byte) (bits >>> 24);
    }

    /** A string as its UTF-8 length and bytes; null is written as a distinct marker. */
    void writeString(String value) {
        if (value == null) {
            writeVarInt(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeVarInt(utf8.length + 1);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buffer, length, utf8.length);
        length += utf8.length;
    }

    private void ensure(int extra) {
        int needed = length + extra;
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
