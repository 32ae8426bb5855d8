package io.docchat.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real documents generated for the tests: a PDF with PDFBox, a DOCX with POI, a text file and a corrupt PDF. */
final class Fixtures {
    static final String PDF_PAGE_1 = "The installation guide describes the workshop and its safety rules.";
    static final String PDF_PAGE_2 = "The centrifugal pump must be primed with clean water before starting the motor.";
    static final String DOCX_TEXT = "The warranty of the compressor lasts thirty six months from the delivery date.";
    static final String TEXT_TEXT = "Lubricate the conveyor bearings with lithium grease every two hundred hours.";

    private Fixtures() {}

    /** Writes the three good files and the corrupt one into {@code dir}; returns {@code dir}. */
    static Path manuals(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("pump-manual.pdf"), pdf(List.of(PDF_PAGE_1, PDF_PAGE_2)));
        Files.write(dir.resolve("warranty.docx"), docx(DOCX_TEXT));
        Files.writeString(dir.resolve("maintenance.txt"), TEXT_TEXT + "\n", StandardCharsets.UTF_8);
        Files.write(dir.resolve("broken.pdf"), corruptPdf());
        return dir;
    }

    /** A PDF whose page {@code i + 1} holds {@code pages.get(i)} as one line. */
    static byte[] pdf(List<String> pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.newLineAtOffset(72, 720);
                    content.showText(text);
                    content.endText();
                }
            }
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    static byte[] docx(String paragraph) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(paragraph);
            document.write(bytes);
            return bytes.toByteArray();
        }
    }

    /** Starts like a PDF, then is garbage: a parser must fail on it, not the batch. */
    static byte[] corruptPdf() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = bytes) {
            out.write("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\n".getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 200; i++) {
                out.write((i * 31) & 0xff);
            }
        }
        return bytes.toByteArray();
    }
}
