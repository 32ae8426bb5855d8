package io.docchat.core.engine.ingest;

import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.ParsedDocument;
import java.util.Optional;

/**
 * The most pages and characters one document may have, whatever its format and parser: what a document costs to
 * chunk, store and index grows with them, so they bound the memory one upload can take from everyone else. Parsers
 * may stop earlier (the PDF and Office parsers do, and the text parser reads a stream that stops at these limits);
 * this is the engine's own check, which every parser's document meets.
 *
 * @param maxPages     documents with more pages are refused
 * @param maxTextChars documents with more characters of text are refused
 */
public record ContentLimits(int maxPages, long maxTextChars) {
    /** 5,000 pages and 50 million characters: a long book is a few hundred pages and about a million characters. */
    public static final ContentLimits DEFAULT = new ContentLimits(5_000, 50_000_000L);

    public ContentLimits {
        if (maxPages < 1 || maxTextChars < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxPages + " pages, " + maxTextChars
                    + " characters");
        }
    }

    /** Why the document is over a limit, in words for a person; empty when it is within them. */
    Optional<String> exceededBy(ParsedDocument document) {
        int pages = document.pages().size();
        if (pages > maxPages) {
            return Optional.of("The document has " + pages + " pages; the limit is " + maxPages + ".");
        }
        long chars = 0;
        for (Page page : document.pages()) {
            for (TextBlock block : page.blocks()) {
                for (TextLine line : block.lines()) {
                    chars += line.text().length();
                }
            }
        }
        if (chars > maxTextChars) {
            return Optional.of("The document has " + chars + " characters of text; the limit is " + maxTextChars
                    + ".");
        }
        return Optional.empty();
    }
}
