package io.docchat.core.model;

import java.util.List;
import java.util.function.Function;

/** One page of a listing and the size of the whole listing. */
public record ResultPage<T>(List<T> items, long total, int page, int pageSize) {
    public ResultPage {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (total + pageSize - 1) / pageSize;
    }

    public <R> ResultPage<R> map(Function<? super T, ? extends R> mapper) {
        return new ResultPage<>(items.stream().<R>map(mapper).toList(), total, page, pageSize);
    }
}
