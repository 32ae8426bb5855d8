package io.docchat.documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the central directory of a zip file held in memory, without inflating anything: cheap enough to sniff a
 * container's entries and safe against zip bombs, whose declared sizes are checked before POI opens the file.
 */
final class ZipDirectory {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int MAX_ENTRIES = 100_000;

    /** One entry as declared in the central directory; sizes are -1 when not declared (zip64). */
    record Entry(String name, long compressedSize, long uncompressedSize) {}

    private ZipDirectory() {}

    static boolean hasZipMagic(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** The declared entries, or empty when the file has no readable central directory (truncated or not a zip). */
    static Optional<List<Entry>> read(byte[] zip) {
        int end = findEndRecord(zip);
        if (end < 0) {
            return Optional.empty();
        }
        int count = u16(zip, end + 10);
        long dirOffset = u32(zip, end + 16);
        if (count > MAX_ENTRIES || dirOffset < 0 || dirOffset >= zip.length) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>(count);
        int p = (int) dirOffset;
        for (int i = 0; i < count; i++) {
            if (p + 46 > zip.length || s32(zip, p) != ENTRY_SIGNATURE) {
                return Optional.empty();
            }
            long compressed = u32(zip, p + 20);
            long uncompressed = u32(zip, p + 24);
            int nameLength = u16(zip, p + 28);
            int extraLength = u16(zip, p + 30);
            int commentLength = u16(zip, p + 32);
            if (p + 46 + nameLength > zip.length) {
                return Optional.empty();
            }
            String name = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
            boolean zip64 = compressed == 0xFFFFFFFFL || uncompressed == 0xFFFFFFFFL;
            entries.add(new Entry(name, zip64 ? -1 : compressed, zip64 ? -1 : uncompressed));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return Optional.of(entries);
    }

    private static int findEndRecord(byte[] zip) {
        // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end of the file.
        int lowest = Math.max(0, zip.length - 22 - 65_535);
        for (int p = zip.length - 22; p >= lowest; p--) {
            if (s32(zip, p) == END_SIGNATURE) {
                return p;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static int s32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    private static long u32(byte[] b, int p) {
        return s32(b, p) & 0xFFFFFFFFL;
    }
}
