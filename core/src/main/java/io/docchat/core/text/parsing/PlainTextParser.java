package io.docchat.core.text.parsing;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses plain text and Markdown files.
 *
 * <p>Content decides first: the bytes must be UTF-8 (a byte-order mark is allowed) or UTF-16 with a byte-order mark,
 * without NUL characters; anything else is binary and refused. The name decides second: {@code .txt}, {@code .text},
 * {@code .md}, {@code .markdown}, {@code .csv} and {@code .log} are accepted, as are names without a known extension;
 * names of formats that other parsers own (PDF, Office, HTML, images, archives) are not.
 *
 * <p>Pages: a form feed starts a new page; a file without form feeds is cut into pages of about
 * {@value TextPageAssembler#PAGE_CHARS} characters or {@value TextPageAssembler#PAGE_LINES} lines, never inside a
 * line. Pages have no geometry (width and height 0) and lines have no boxes. Markdown files get headings (with their
 * level), list items, fenced code and table rows as blocks; CSV files get one table row per record (cells joined with
 * " | "); in other files paragraphs are separated by blank lines.
 *
 * <p>The text is read as a stream, never decoded into one string: what parsing holds is the pages it keeps, and a
 * parser with limits stops reading as soon as a file is over them, so a file far over the limits costs no more memory
 * than one at them.
 */
public final class PlainTextParser implements DocumentParser {

    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text", "md", "markdown", "csv", "log");
    private static final Set<String> MARKDOWN_EXTENSIONS = Set.of("md", "markdown");
    /** Formats with their own parsers: their files are never read as text, even when their bytes would decode. */
    private static final Set<String> FOREIGN_EXTENSIONS = Set.of(
            "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "html", "htm", "xhtml",
            "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "svg", "zip", "gz", "tgz", "7z", "rar", "jar",
            "exe", "dll", "so", "bin", "mp3", "mp4", "wav", "avi", "mov", "epub");

    private final int maxPages;
    private final long maxTextChars;

    /** Creates a parser without limits of its own; it holds no state. */
    public PlainTextParser() {
        this(Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * Creates a parser that stops reading a file, and fails it with the reason, as soon as it is known to have more
     * pages or characters of text than these.
     */
    public PlainTextParser(int maxPages, long maxTextChars) {
        if (maxPages < 1 || maxTextChars < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxPages + " pages, " + maxTextChars
                    + " characters");
        }
        this.maxPages = maxPages;
        this.maxTextChars = maxTextChars;
    }

    @Override
    public boolean accepts(String fileName, byte[] content) {
        String ext = extension(fileName);
        if (FOREIGN_EXTENSIONS.contains(ext)) {
            return false;
        }
        if (content == null || content.length == 0) {
            // An empty file of a text type is ours to report as empty.
            return TEXT_EXTENSIONS.contains(ext);
        }
        if (hasBinaryMagic(content)) {
            return false;
        }
        TextDecoding.Scan scan = TextDecoding.scan(content);
        if (scan == null) {
            return false;
        }
        return TEXT_EXTENSIONS.contains(ext) || !looksLikeHtml(scan.head());
    }

    @Override
    public ParseResult parse(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            return ParseResult.failure(ParseFailure.EMPTY, "The file is empty.");
        }
        TextDecoding.Scan scan = TextDecoding.scan(content);
        if (scan == null) {
            return ParseResult.failure(ParseFailure.UNSUPPORTED_TYPE,
                    "The file is not text: it is neither UTF-8 nor UTF-16 with a byte-order mark, or it contains"
                            + " binary data.");
        }
        if (scan.blank()) {
            return ParseResult.failure(ParseFailure.EMPTY, "The file is empty.");
        }
        String ext = extension(fileName);
        TextPageAssembler.Format format = MARKDOWN_EXTENSIONS.contains(ext) ? TextPageAssembler.Format.MARKDOWN
                : ext.equals("csv") ? TextPageAssembler.Format.CSV : TextPageAssembler.Format.PLAIN;
        TextPageAssembler assembler = new TextPageAssembler(format, scan.formFeeds(), maxPages, maxTextChars);
        LineSplitter lines = new LineSplitter(assembler, maxTextChars);
        boolean read = TextDecoding.decode(content, scan, lines) && lines.end() && assembler.end();
        if (assembler.overLimit() != null) {
            return ParseResult.failure(ParseFailure.LIMIT_EXCEEDED, assembler.overLimit());
        }
        if (!read) {
            // The scan accepted these bytes, so a second decoding of them cannot fail; should it, say so plainly.
            return ParseResult.failure(ParseFailure.CORRUPT, "The file could not be decoded as text.");
        }
        List<Page> pages = assembler.pages();
        String title = format == TextPageAssembler.Format.MARKDOWN ? firstHeading(pages) : null;
        return ParseResult.success(new ParsedDocument(title, pages, List.of()));
    }

    private static String firstHeading(List<Page> pages) {
        for (Page page : pages) {
            for (TextBlock block : page.blocks()) {
                if (block.type() == BlockType.HEADING && block.level() == 1) {
                    return block.text();
                }
            }
        }
        return null;
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean hasBinaryMagic(byte[] c) {
        return startsWith(c, "%PDF-") || startsWith(c, "PK\u0003\u0004") || startsWith(c, "{\\rtf")
                || (c.length >= 4 && (c[0] & 0xff) == 0xD0 && (c[1] & 0xff) == 0xCF && (c[2] & 0xff) == 0x11
                        && (c[3] & 0xff) == 0xE0);
    }

    private static boolean startsWith(byte[] c, String magic) {
        if (c.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (c[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(512, text.length())).stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }
}
