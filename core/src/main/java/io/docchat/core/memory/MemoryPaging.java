package io.docchat.core.memory;

import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import java.util.List;

/** Cuts one page out of a fully materialised, already ordered listing. */
final class MemoryPaging {

    private MemoryPaging() {}

    static <T> ResultPage<T> page(List<T> ordered, PageRequest page) {
        int size = ordered.size();
        long from = Math.min(page.offset(), size);
        long to = Math.min(from + page.size(), size);
        return new ResultPage<>(ordered.subList((int) from, (int) to), size, page.page(), page.size());
    }
}
