package io.docchat.core.port;

import java.util.Arrays;

/**
 * A unit-length vector in a named {@link VectorSpace}.
 *
 * <p>The array is shared, not copied (embeddings are many and large): whoever holds one must not change it.
 */
public record Embedding(String space, float[] vector) {
    public Embedding {
        if (space == null || space.isBlank()) {
            throw new IllegalArgumentException("an embedding needs its space");
        }
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("an embedding needs a non-empty vector");
        }
    }

    /** The dot product with another vector of the same space: their cosine similarity, as both have unit length. */
    public float dot(float[] other) {
        if (other.length != vector.length) {
            throw new IllegalArgumentException(
                    "vectors of " + vector.length + " and " + other.length + " components cannot be compared");
        }
        float sum = 0;
        for (int i = 0; i < vector.length; i++) {
            sum += vector[i] * other[i];
        }
        return sum;
    }

    /** Scales a vector to unit length in place and returns it; a zero vector is returned unchanged. */
    public static float[] normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && space.equals(e.space) && Arrays.equals(vector, e.vector);
    }

    @Override
    public int hashCode() {
        return 31 * space.hashCode() + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Embedding[" + space + ", " + vector.length + " components]";
    }
}
