package io.docchat.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Decides what a file is from its bytes first and its name second. */
final class ContentSniffer {

    private static final byte[] OLE2_MAGIC = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, 42};
    private static final int HEAD_BYTES = 1024;

    private ContentSniffer() {}

    /** What the bytes are, or {@link FileKind#UNKNOWN} when they do not say. */
    static FileKind sniff(byte[] content) {
        if (content == null || content.length == 0) {
            return FileKind.UNKNOWN;
        }
        if (isPdf(content)) {
            return FileKind.PDF;
        }
        if (startsWith(content, PNG_MAGIC)) {
            return FileKind.PNG;
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return FileKind.JPEG;
        }
        if (startsWith(content, TIFF_LITTLE_ENDIAN) || startsWith(content, TIFF_BIG_ENDIAN)) {
            return FileKind.TIFF;
        }
        if (startsWith(content, OLE2_MAGIC)) {
            return sniffOle2(content);
        }
        if (ZipDirectory.hasZipMagic(content)) {
            return sniffZip(content);
        }
        if (looksLikeHtml(content)) {
            return FileKind.HTML;
        }
        return FileKind.UNKNOWN;
    }

    /** What the file name's extension claims, or {@link FileKind#UNKNOWN}. */
    static FileKind byName(String fileName) {
        if (fileName == null) {
            return FileKind.UNKNOWN;
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "pdf" -> FileKind.PDF;
            case "doc", "dot" -> FileKind.DOC;
            case "docx", "docm", "dotx" -> FileKind.DOCX;
            case "xls", "xlt" -> FileKind.XLS;
            case "xlsx", "xlsm", "xltx" -> FileKind.XLSX;
            case "html", "htm", "xhtml" -> FileKind.HTML;
            case "png" -> FileKind.PNG;
            case "jpg", "jpeg", "jpe" -> FileKind.JPEG;
            case "tif", "tiff" -> FileKind.TIFF;
            default -> FileKind.UNKNOWN;
        };
    }

    /** The content's kind when it is recognisable, else the name's. */
    static FileKind kindOf(String fileName, byte[] content) {
        FileKind sniffed = sniff(content);
        return sniffed != FileKind.UNKNOWN ? sniffed : byName(fileName);
    }

    private static boolean isPdf(byte[] content) {
        // The header may follow some junk bytes; readers accept it within the first kilobyte.
        int limit = Math.min(content.length, HEAD_BYTES) - 5;
        for (int i = 0; i <= limit; i++) {
            if (content[i] == '%' && content[i + 1] == 'P' && content[i + 2] == 'D' && content[i + 3] == 'F'
                    && content[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    private static FileKind sniffOle2(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                return FileKind.ENCRYPTED_OFFICE;
            }
            if (root.hasEntry("WordDocument")) {
                return FileKind.DOC;
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
                return FileKind.XLS;
            }
            return FileKind.UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return FileKind.UNKNOWN;
        }
    }

    private static FileKind sniffZip(byte[] content) {
        Optional<List<ZipDirectory.Entry>> entries = ZipDirectory.read(content);
        if (entries.isEmpty()) {
            return FileKind.UNKNOWN;
        }
        for (ZipDirectory.Entry entry : entries.get()) {
            String name = entry.name();
            if (name.startsWith("word/")) {
                return FileKind.DOCX;
            }
            if (name.startsWith("xl/")) {
                return FileKind.XLSX;
            }
        }
        return FileKind.UNKNOWN;
    }

    private static boolean looksLikeHtml(byte[] content) {
        int length = Math.min(content.length, HEAD_BYTES);
        String head = new String(content, 0, length, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < head.length() && (Character.isWhitespace(head.charAt(start)) || head.charAt(start) == '\uFEFF')) {
            start++;
        }
        head = head.substring(start);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return true;
        }
        return head.startsWith("<") && (head.contains("<html") || head.contains("<body") || head.contains("<head"));
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
