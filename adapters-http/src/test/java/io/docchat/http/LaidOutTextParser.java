package io.docchat.http;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .layout} text files as if laid out on US-letter pages (612 x 792 points): one text line per file line,
 * 14 points apart from the top margin, {@value #LINES_PER_PAGE} lines a page. Stands in for a PDF parser so that
 * citation geometry can be checked end to end without depending on the documents adapter.
 */
public final class LaidOutTextParser implements DocumentParser {
    public static final float PAGE_WIDTH = 612;
    public static final float PAGE_HEIGHT = 792;
    public static final int LINES_PER_PAGE = 40;

    /** Where line {@code index} (0-based on its page) sits. */
    public static Box lineBox(int index) {
        return new Box(72, 72 + index * 14, 400, 12);
    }

    @Override
    public boolean accepts(String fileName, byte[] content) {
        return fileName.endsWith(".layout");
    }

    @Override
    public ParseResult parse(String fileName, byte[] content) {
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
        List<Page> pages = new ArrayList<>();
        for (int start = 0; start < lines.length; start += LINES_PER_PAGE) {
            List<TextBlock> blocks = new ArrayList<>();
            for (int i = start; i < Math.min(lines.length, start + LINES_PER_PAGE); i++) {
                blocks.add(new TextBlock(BlockType.PARAGRAPH, 0,
                        List.of(new TextLine(lines[i], lineBox(i - start)))));
            }
            pages.add(new Page(pages.size() + 1, PAGE_WIDTH, PAGE_HEIGHT, 0, blocks));
        }
        return ParseResult.success(new ParsedDocument(null, pages, List.of()));
    }
}
