package io.docchat.core.files;

import java.util.Objects;

/**
 * The rule for {@link io.docchat.core.port.FileStore} keys: one or more segments separated by single '/', each made
 * of ASCII letters, digits, '-' and '_'. Every file store checks keys with it, so a key that one store accepts
 * another accepts too, and no key can name a path outside a store's root ('.' is not allowed, so neither is "..").
 */
public final class FileKeys {

    private FileKeys() {}

    /**
     * Returns {@code key} if it is a valid file key.
     *
     * @throws IllegalArgumentException naming what is wrong with the key
     */
    public static String requireValid(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a file key must not be empty");
        }
        if (key.charAt(0) == '/') {
            throw new IllegalArgumentException("a file key must be relative, not start with '/': " + key);
        }
        char previous = '/';
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_' || c == '/';
            if (!allowed) {
                throw new IllegalArgumentException("a file key may hold only letters, digits, '-', '_' and '/', found '"
                        + c + "' in: " + key);
            }
            if (c == '/' && previous == '/') {
                throw new IllegalArgumentException("a file key must not have an empty segment: " + key);
            }
            previous = c;
        }
        if (previous == '/') {
            throw new IllegalArgumentException("a file key must not end with '/': " + key);
        }
        return key;
    }
}
