package io.docchat.core.engine.chat;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.docchat.core.model.Page;
import io.docchat.core.port.KnowledgeStore;
import java.util.List;

/**
 * Recently cited documents' pages, so that citing a long document does not reload and decode all its pages for
 * every answer. Safe because a parsed document's pages never change (documents are immutable once completed and ids
 * are never reused); a deleted document is evicted so its memory goes with it.
 */
public final class PageCache {
    /** About ten megabytes of typical text pages with their line boxes. */
    static final int MAX_PAGES = 1_024;

    private final KnowledgeStore store;
    private final Cache<Long, List<Page>> cache = CacheBuilder.newBuilder()
            .maximumWeight(MAX_PAGES)
            .<Long, List<Page>>weigher((documentId, pages) -> Math.max(1, pages.size()))
            .build();

    public PageCache(KnowledgeStore store) {
        this.store = store;
    }

    /** The document's pages; an empty list (not cached) while it has none. */
    List<Page> pages(long documentId) {
        List<Page> cached = cache.getIfPresent(documentId);
        if (cached != null) {
            return cached;
        }
        List<Page> pages = store.pages(documentId);
        if (!pages.isEmpty()) {
            cache.put(documentId, pages);
        }
        return pages;
    }

    public void evict(long documentId) {
        cache.invalidate(documentId);
    }
}
