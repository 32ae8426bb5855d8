package io.docchat.http;

import io.docchat.core.model.PageRequest;

/** Reads {@code currentPage} and {@code pageSize}: numbers or numeric strings, out of range is a 400, never clamped. */
final class Paging {
    private Paging() {}

    static PageRequest of(JsonBody body) {
        int page = body.integer("currentPage", 1);
        int size = body.integer("pageSize", PageRequest.DEFAULT_SIZE);
        if (page < 1) {
            throw ApiException.invalid("currentPage", "must be at least 1");
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw ApiException.invalid("pageSize", "must be between 1 and " + PageRequest.MAX_SIZE);
        }
        return new PageRequest(page, size);
    }
}
