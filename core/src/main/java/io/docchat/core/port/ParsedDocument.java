package io.docchat.core.port;

import io.docchat.core.model.Page;
import java.util.List;

/**
 * What a parser read from a file: its pages in order and any non-fatal warnings.
 *
 * @param title the document's title when the file declares one, or null
 */
public record ParsedDocument(String title, List<Page> pages, List<String> warnings) {
    public ParsedDocument {
        pages = List.copyOf(pages);
        warnings = List.copyOf(warnings);
    }
}
