package io.docchat.core.model;

import io.docchat.core.DocChatException;

/**
 * A page of a listing: {@code page} starts at 1; {@code size} is 1 to {@link #MAX_SIZE}. Out-of-range values are an
 * error, never clamped.
 */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 1) {
            throw DocChatException.invalid("currentPage", "must be at least 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DocChatException.invalid("pageSize", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(1, size);
    }

    /** The number of items before this page. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
