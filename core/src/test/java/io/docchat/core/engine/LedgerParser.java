package io.docchat.core.engine;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small format with a signature, standing in for binary formats that can be damaged: {@code *.ledger} files must
 * start with {@code LEDGER}; each further line becomes a text line. A file containing {@code CRASH} makes the parser
 * throw, as a buggy third-party parser might.
 */
final class LedgerParser implements io.docchat.core.port.DocumentParser {

    @Override
    public boolean accepts(String fileName, byte[] content) {
        return fileName.endsWith(".ledger");
    }

    @Override
    public ParseResult parse(String fileName, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.contains("CRASH")) {
            throw new IllegalStateException("ledger table index out of range");
        }
        if (!text.startsWith("LEDGER\n")) {
            return ParseResult.failure(ParseFailure.CORRUPT, "The ledger file is damaged: its signature is missing.");
        }
        List<TextLine> lines = new ArrayList<>();
        for (String line : text.substring(7).split("\n")) {
            if (!line.isBlank()) {
                lines.add(new TextLine(line, null));
            }
        }
        TextBlock block = new TextBlock(BlockType.PARAGRAPH, 0, lines);
        return ParseResult.success(new ParsedDocument(null, List.of(new Page(1, 0, 0, 0, List.of(block))), List.of()));
    }
}
