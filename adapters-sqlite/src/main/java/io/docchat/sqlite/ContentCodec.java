package io.docchat.sqlite;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.PassagePage;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact binary form of the lists a row carries: a page's blocks and lines, a passage's lines, heading paths and
 * warnings, and a chat item's citation snapshot. Each value starts with a format byte so the layout can evolve; counts
 * and offsets are variable-length integers and boxes are raw floats, which keeps a passage's lines to a few bytes each.
 */
final class ContentCodec {
    private static final int FORMAT = 1;
    /** Passage lines that also carry each line's page text (format 1 rows, written before, do not). */
    private static final int PASSAGE_LINES_WITH_TEXT = 2;
    private static final BlockType[] BLOCK_TYPES = BlockType.values();

    private ContentCodec() {}

    static byte[] encodeBlocks(List<TextBlock> blocks, ByteWriter out) {
        out.reset();
        out.writeByte(FORMAT);
        out.writeVarInt(blocks.size());
        for (TextBlock block : blocks) {
            out.writeByte(block.type().ordinal());
            out.writeSignedVarInt(block.level());
            out.writeVarInt(block.lines().size());
            for (TextLine line : block.lines()) {
                out.writeString(line.text());
                writeBox(line.box(), out);
            }
        }
        return out.toByteArray();
    }

    static List<TextBlock> decodeBlocks(byte[] bytes) {
        ByteReader in = open(bytes);
        int blockCount = in.readVarInt();
        List<TextBlock> blocks = new ArrayList<>(blockCount);
        for (int b = 0; b < blockCount; b++) {
            int typeIndex = in.readByte();
            if (typeIndex >= BLOCK_TYPES.length) {
                throw new IllegalStateException("unknown block type " + typeIndex);
            }
            int level = in.readSignedVarInt();
            int lineCount = in.readVarInt();
            List<TextLine> lines = new ArrayList<>(lineCount);
            for (int l = 0; l < lineCount; l++) {
                String text = in.readString();
                lines.add(new TextLine(text, readBox(in)));
            }
            blocks.add(new TextBlock(BLOCK_TYPES[typeIndex], level, lines));
        }
        return blocks;
    }

    static byte[] encodePassageLines(List<PassageLine> lines, ByteWriter out) {
        out.reset();
        out.writeByte(PASSAGE_LINES_WITH_TEXT);
        out.writeVarInt(lines.size());
        for (PassageLine line : lines) {
            out.writeSignedVarInt(line.pageNumber());
            out.writeSignedVarInt(line.lineNumber());
            out.writeSignedVarInt(line.start());
            out.writeSignedVarInt(line.end());
            writeBox(line.box(), out);
            out.writeString(line.text());
        }
        return out.toByteArray();
    }

    static List<PassageLine> decodePassageLines(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        int format = in.readByte();
        if (format != FORMAT && format != PASSAGE_LINES_WITH_TEXT) {
            throw new IllegalStateException("unsupported content format " + format);
        }
        int count = in.readVarInt();
        List<PassageLine> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int page = in.readSignedVarInt();
            int lineNumber = in.readSignedVarInt();
            int start = in.readSignedVarInt();
            int end = in.readSignedVarInt();
            Box box = readBox(in);
            String text = format == PASSAGE_LINES_WITH_TEXT ? in.readString() : null;
            lines.add(new PassageLine(page, lineNumber, box, start, end, text));
        }
        return lines;
    }

    /** The size and rotation of the pages a passage covers. */
    static byte[] encodePassagePages(List<PassagePage> pages, ByteWriter out) {
        out.reset();
        out.writeByte(FORMAT);
        out.writeVarInt(pages.size());
        for (PassagePage page : pages) {
            out.writeSignedVarInt(page.number());
            out.writeFloat(page.width());
            out.writeFloat(page.height());
            out.writeSignedVarInt(page.rotation());
        }
        return out.toByteArray();
    }

    /** The pages of {@link #encodePassagePages}; none for a passage stored before they were recorded (null). */
    static List<PassagePage> decodePassagePages(byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        ByteReader in = open(bytes);
        int count = in.readVarInt();
        List<PassagePage> pages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pages.add(new PassagePage(in.readSignedVarInt(), in.readFloat(), in.readFloat(), in.readSignedVarInt()));
        }
        return pages;
    }

    static byte[] encodeStrings(List<String> values, ByteWriter out) {
        out.reset();
        out.writeByte(FORMAT);
        out.writeVarInt(values.size());
        for (String value : values) {
            out.writeString(value);
        }
        return out.toByteArray();
    }

    static List<String> decodeStrings(byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        ByteReader in = open(bytes);
        int count = in.readVarInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readString());
        }
        return values;
    }

    static byte[] encodeCitations(List<Citation> citations, ByteWriter out) {
        out.reset();
        out.writeByte(FORMAT);
        out.writeVarInt(citations.size());
        for (Citation citation : citations) {
            out.writeVarLong(citation.documentId());
            out.writeString(citation.documentName());
            out.writeSignedVarInt(citation.pageCount());
            out.writeString(citation.snippet());
            out.writeVarInt(citation.pages().size());
            for (CitedPage page : citation.pages()) {
                out.writeSignedVarInt(page.pageNumber());
                out.writeFloat(page.width());
                out.writeFloat(page.height());
                out.writeSignedVarInt(page.rotation());
                out.writeVarInt(page.lines().size());
                for (CitedLine line : page.lines()) {
                    out.writeSignedVarInt(line.lineNumber());
                    writeBox(line.box(), out);
                    out.writeString(line.text());
                }
            }
        }
        return out.toByteArray();
    }

    static List<Citation> decodeCitations(byte[] bytes) {
        ByteReader in = open(bytes);
        int count = in.readVarInt();
        List<Citation> citations = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            long documentId = in.readVarLong();
            String documentName = in.readString();
            int pageCount = in.readSignedVarInt();
            String snippet = in.readString();
            int pageTotal = in.readVarInt();
            List<CitedPage> pages = new ArrayList<>(pageTotal);
            for (int p = 0; p < pageTotal; p++) {
                int number = in.readSignedVarInt();
                float width = in.readFloat();
                float height = in.readFloat();
                int rotation = in.readSignedVarInt();
                int lineCount = in.readVarInt();
                List<CitedLine> lines = new ArrayList<>(lineCount);
                for (int l = 0; l < lineCount; l++) {
                    int lineNumber = in.readSignedVarInt();
                    Box box = readBox(in);
                    lines.add(new CitedLine(lineNumber, box, in.readString()));
                }
                pages.add(new CitedPage(number, width, height, rotation, lines));
            }
            citations.add(new Citation(documentId, documentName, pageCount, pages, snippet));
        }
        return citations;
    }

    private static ByteReader open(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalStateException("unsupported content format " + format);
        }
        return in;
    }

    private static void writeBox(Box box, ByteWriter out) {
        if (box == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        out.writeFloat(box.x());
        out.writeFloat(box.y());
        out.writeFloat(box.width());
        out.writeFloat(box.height());
    }

    private static Box readBox(ByteReader in) {
        int present = in.readByte();
        if (present == 0) {
            return null;
        }
        return new Box(in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
    }
}
