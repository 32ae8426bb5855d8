package io.docchat.sqlite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Vectors as BLOBs: the components as little-endian 32-bit floats, four bytes each, nothing else. */
final class VectorCodec {
    private VectorCodec() {}

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalStateException(
                    "a stored vector of " + bytes.length + " bytes is not a whole number of floats");
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
