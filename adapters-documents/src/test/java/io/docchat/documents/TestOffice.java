package io.docchat.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Builds Office files for tests with POI. */
final class TestOffice {

    private TestOffice() {}

    /**
     * A report: title, heading 1 and 2, paragraphs, a list, a table with a nested table, a page break and Chinese.
     */
    static byte[] docx() {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFStyles styles = document.createStyles();
            addStyle(styles, "Heading1", "heading 1");
            addStyle(styles, "Heading2", "heading 2");
            document.getProperties().getCoreProperties().setTitle("Quarterly report");

            paragraph(document, "Heading1", "Introduction");
            paragraph(document, null, "This report covers the third quarter.");
            XWPFParagraph item = paragraph(document, null, "First point of the list");
            item.setNumID(BigInteger.ONE);
            paragraph(document, "Heading2", "Figures");

            XWPFTable table = document.createTable(2, 3);
            fill(table, new String[][] {{"Region", "Sales", "Notes"}, {"North", "120", ""}});
            XWPFTableCell notes = table.getRow(1).getCell(2);
            notes.getParagraphs().get(0).createRun().setText("see detail");
            CTTbl nestedCt = notes.getCTTc().addNewTbl();
            XWPFTable nested = new XWPFTable(nestedCt, notes, 2, 2);
            fill(nested, new String[][] {{"Inner 1,1", "Inner 1,2"}, {"Inner 2,1", "Inner 2,2"}});
            notes.insertTable(notes.getTables().size(), nested);
            notes.addParagraph();

            XWPFParagraph breaking = document.createParagraph();
            breaking.createRun().setText("Last words on page one.");
            breaking.createRun().addBreak(BreakType.PAGE);
            paragraph(document, "Heading1", "中文部分");
            paragraph(document, null, "这是第二页的中文段落。");
            return write(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document with many paragraphs and no page break. */
    static byte[] longDocx(int paragraphs) {
        try (XWPFDocument document = new XWPFDocument()) {
            for (int i = 0; i < paragraphs; i++) {
                paragraph(document, null, "Paragraph " + i + " talks at some length about nothing in particular, "
                        + "so that the document grows well past a single page of text.");
            }
            return write(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file encrypted with a password, as Office stores it (an OLE2 container with an EncryptedPackage). */
    static byte[] encrypt(byte[] ooxml, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(ooxml);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zip with one more entry: {@code size} zero bytes, which deflate about a thousandfold. */
    static byte[] withBombEntry(byte[] zip, int size) {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry("word/media/padding.bin"));
                byte[] zeros = new byte[64 * 1024];
                for (int written = 0; written < size; written += zeros.length) {
                    out.write(zeros, 0, Math.min(zeros.length, size - written));
                }
                out.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addStyle(XWPFStyles styles, String id, String name) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.addNewName().setVal(name);
        style.setType(STStyleType.PARAGRAPH);
        styles.addStyle(new XWPFStyle(style));
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String style, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
        return paragraph;
    }

    private static void fill(XWPFTable table, String[][] cells) {
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells[r].length; c++) {
                XWPFTableCell cell = table.getRow(r).getCell(c);
                if (!cells[r][c].isEmpty()) {
                    cell.getParagraphs().get(0).createRun().setText(cells[r][c]);
                }
            }
        }
    }

    private static byte[] write(XWPFDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.write(out);
        return out.toByteArray();
    }
}
