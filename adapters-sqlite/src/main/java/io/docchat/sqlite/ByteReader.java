package io.docchat.sqlite;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote, failing clearly on truncated or malformed input. */
final class ByteReader {
    private final byte[] buffer;
    private int position;

    ByteReader(byte[] buffer) {
        this.buffer = buffer;
    }

    boolean hasRemaining() {
        return position < buffer.length;
    }

    int readByte() {
        require(1);
        return buffer[position++] & 0xFF;
    }

    /** A count, length or other non-negative int. */
    int readVarInt() {
        int value = readUnsigned();
        if (value < 0) {
            throw new IllegalStateException("malformed count " + Integer.toUnsignedString(value) + " before byte "
                    + position);
        }
        return value;
    }

    int readSignedVarInt() {
        int raw = readUnsigned();
        return (raw >>> 1) ^ -(raw & 1);
    }

    private int readUnsigned() {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalStateException("malformed variable-length integer at byte " + position);
    }

    long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = readByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (result >>> 1) ^ -(result & 1);
            }
        }
        throw new IllegalStateException("malformed variable-length long at byte " + position);
    }

    float readFloat() {
        require(4);
        int bits = (buffer[position] & 0xFF)
                | (buffer[position + 1] & 0xFF) << 8
                | (buffer[position + 2] & 0xFF) << 16
                | (buffer[position + 3] & 0xFF) << 24;
        position += 4;
        return Float.intBitsToFloat(bits);
    }

    String readString() {
        int marker = readVarInt();
        if (marker == 0) {
            return null;
        }
        int size = marker - 1;
        require(size);
        String value = new String(buffer, position, size, StandardCharsets.UTF_8);
        position += size;
        return value;
    }

    private void require(int count) {
        if (count < 0 || buffer.length - position < count) {
            throw new IllegalStateException(
                    "encoded value truncated: need " + count + " bytes at " + position + " of " + buffer.length);
        }
    }
}
