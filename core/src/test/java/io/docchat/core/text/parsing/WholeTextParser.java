package io.docchat.core.text.parsing;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text parser as it was before it read a stream: it decodes the whole file into one string and splits it. Kept
 * only as the reference the streaming {@link PlainTextParser} must agree with, passage for passage.
 */
final class WholeTextParser implements DocumentParser {

    private static final int PAGE_CHARS = 3_000;
    private static final int PAGE_LINES = 60;

    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text", "md", "markdown", "csv", "log");
    private static final Set<String> MARKDOWN_EXTENSIONS = Set.of("md", "markdown");
    /** Formats with their own parsers: their files are never read as text, even when their bytes would decode. */
    private static final Set<String> FOREIGN_EXTENSIONS = Set.of(
            "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "html", "htm", "xhtml",
            "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "svg", "zip", "gz", "tgz", "7z", "rar", "jar",
            "exe", "dll", "so", "bin", "mp3", "mp4", "wav", "avi", "mov", "epub");


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
        String text = decode(content);
        if (text == null) {
            return false;
        }
        return TEXT_EXTENSIONS.contains(ext) || !looksLikeHtml(text);
    }

    @Override
    public ParseResult parse(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            return ParseResult.failure(ParseFailure.EMPTY, "The file is empty.");
        }
        String text = decode(content);
        if (text == null) {
            return ParseResult.failure(ParseFailure.UNSUPPORTED_TYPE,
                    "The file is not text: it is neither UTF-8 nor UTF-16 with a byte-order mark, or it contains"
                            + " binary data.");
        }
        if (text.isBlank()) {
            return ParseResult.failure(ParseFailure.EMPTY, "The file is empty.");
        }
        String ext = extension(fileName);
        Format format = MARKDOWN_EXTENSIONS.contains(ext) ? Format.MARKDOWN : ext.equals("csv") ? Format.CSV : Format.PLAIN;
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        List<Page> pages = new ArrayList<>();
        if (normalized.indexOf('\f') >= 0) {
            for (String pageText : normalized.split("\f", -1)) {
                pages.add(new Page(pages.size() + 1, 0, 0, 0, blocks(pageText, format)));
            }
            // A trailing form feed ends the last page rather than opening an empty one.
            if (pages.size() > 1 && pages.get(pages.size() - 1).blocks().isEmpty()) {
                pages.remove(pages.size() - 1);
            }
        } else {
            pages.addAll(paginate(blocks(normalized, format)));
        }
        String title = format == Format.MARKDOWN ? firstHeading(pages) : null;
        return ParseResult.success(new ParsedDocument(title, pages, List.of()));
    }

    private enum Format { PLAIN, MARKDOWN, CSV }

    private static List<TextBlock> blocks(String text, Format format) {
        List<String> lines = List.of(text.split("\n", -1));
        return switch (format) {
            case MARKDOWN -> MarkdownBlockReader.read(lines);
            case CSV -> CsvBlockReader.read(lines);
            case PLAIN -> paragraphs(lines);
        };
    }

    /** Plain text: a paragraph is a run of non-blank lines. */
    private static List<TextBlock> paragraphs(List<String> lines) {
        List<TextBlock> blocks = new ArrayList<>();
        List<TextLine> current = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(new TextBlock(BlockType.PARAGRAPH, 0, current));
                    current = new ArrayList<>();
                }
            } else {
                current.add(new TextLine(line.stripTrailing(), null));
            }
        }
        if (!current.isEmpty()) {
            blocks.add(new TextBlock(BlockType.PARAGRAPH, 0, current));
        }
        return blocks;
    }

    /**
     * Cuts blocks into pages by size. A block that does not fit is split between lines, so that page numbers stay
     * meaningful even for a file that is one long paragraph.
     */
    private static List<Page> paginate(List<TextBlock> blocks) {
        List<Page> pages = new ArrayList<>();
        List<TextBlock> pageBlocks = new ArrayList<>();
        int chars = 0;
        int lineCount = 0;
        for (TextBlock block : blocks) {
            List<TextLine> part = new ArrayList<>();
            for (TextLine line : block.lines()) {
                int len = line.text().length() + 1;
                if (lineCount > 0 && (lineCount + 1 > PAGE_LINES || chars + len > PAGE_CHARS)) {
                    if (!part.isEmpty()) {
                        pageBlocks.add(new TextBlock(block.type(), block.level(), part));
                        part = new ArrayList<>();
                    }
                    pages.add(new Page(pages.size() + 1, 0, 0, 0, pageBlocks));
                    pageBlocks = new ArrayList<>();
                    chars = 0;
                    lineCount = 0;
                }
                part.add(line);
                chars += len;
                lineCount++;
            }
            if (!part.isEmpty()) {
                pageBlocks.add(new TextBlock(block.type(), block.level(), part));
            }
        }
        if (!pageBlocks.isEmpty() || pages.isEmpty()) {
            pages.add(new Page(pages.size() + 1, 0, 0, 0, pageBlocks));
        }
        return pages;
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

    /** The decoded text without its byte-order mark, or null when the bytes are not text. */
    private static String decode(byte[] content) {
        int n = content.length;
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (n >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            offset = 3;
        } else if (n >= 2 && (content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (n >= 2 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        if (charset == StandardCharsets.UTF_8) {
            for (int i = offset; i < n; i++) {
                if (content[i] == 0) {
                    return null;
                }
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(content, offset, n - offset));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.indexOf('\0') >= 0 || tooManyControlCharacters(text)) {
            return null;
        }
        return text;
    }

    /**
     * Valid UTF-8 can still be binary (ASCII-range data files): more than one control character in a hundred, other
     * than tab, line breaks and form feed, says so.
     */
    private static boolean tooManyControlCharacters(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            }
        }
        return controls > 0 && controls * 100L > text.length();
    }
}
