package io.docchat.documents.bench;

import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseResult;
import io.docchat.documents.DocumentParsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints what the parsers read from one file, block by block with line boxes, to inspect reading order by eye.
 *
 * <p>Usage: {@code ParseDump <file> [first page] [last page]}.
 */
public final class ParseDump {

    private ParseDump() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int first = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int last = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        for (DocumentParser parser : DocumentParsers.all()) {
            if (!parser.accepts(name, content)) {
                continue;
            }
            ParseResult result = parser.parse(name, content);
            if (result instanceof ParseResult.Failure failure) {
                System.out.println(parser.getClass().getSimpleName() + " failed " + failure.kind() + ": "
                        + failure.message());
                return;
            }
            var document = ((ParseResult.Success) result).document();
            System.out.println(parser.getClass().getSimpleName() + " title=" + document.title() + " warnings="
                    + document.warnings());
            for (Page page : document.pages()) {
                if (page.number() < first || page.number() > last) {
                    continue;
                }
                System.out.printf("=== page %d %.0fx%.0f rot %d%n", page.number(), page.width(), page.height(),
                        page.rotation());
                for (TextBlock block : page.blocks()) {
                    System.out.println("-- " + block.type() + (block.level() > 0 ? " " + block.level() : ""));
                    for (TextLine line : block.lines()) {
                        String box = line.box() == null ? "" : String.format("[%.0f,%.0f %.0fx%.0f] ",
                                line.box().x(), line.box().y(), line.box().width(), line.box().height());
                        System.out.println("   " + box + line.text());
                    }
                }
            }
            return;
        }
        System.out.println("no parser accepts " + name);
    }
}
