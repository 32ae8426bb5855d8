package io.docchat.core.model;

import java.util.List;

/**
 * One cited document with the pages and lines supporting an answer. A snapshot: it stays readable after the document
 * is deleted.
 *
 * @param snippet the cited text
 */
public record Citation(
        long documentId, String documentName, int pageCount, List<CitedPage> pages, String snippet) {
    public Citation {
        pages = List.copyOf(pages);
    }
}
