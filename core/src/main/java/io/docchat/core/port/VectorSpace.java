package io.docchat.core.port;

/**
 * A space of vectors made by one embedding model: vectors of different spaces are never compared.
 *
 * @param name      a short stable name, usable as a field or column name (letters, digits, '_', '-', '.')
 * @param dimension the number of components of every vector in the space
 */
public record VectorSpace(String name, int dimension) {
    public VectorSpace {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("a vector space name is 1 to 64 letters, digits, '_', '-' or '.', was "
                    + name);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, was " + dimension);
        }
    }
}
