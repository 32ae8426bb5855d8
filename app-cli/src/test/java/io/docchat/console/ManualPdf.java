package io.docchat.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A two-page pump manual in PDF with known text, drawn line by line in Helvetica on A4 pages. */
final class ManualPdf {
    static final List<List<String>> PAGES = List.of(
            List.of("Pump installation manual",
                    "The centrifugal pump must be primed with clean water before the first start.",
                    "Open the priming plug on top of the volute casing and fill the casing completely.",
                    "Close the plug again and check that no air remains in the suction line.",
                    "Never run the pump dry, because the mechanical seal overheats within seconds."),
            List.of("Maintenance",
                    "Replace the mechanical seal every two years or after four thousand running hours.",
                    "Lubricate the motor bearings with lithium grease every six months of operation.",
                    "Inspect the impeller for wear whenever the delivery pressure drops noticeably."));

    private ManualPdf() {}

    static byte[] bytes() {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (List<String> lines : PAGES) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float baseline = page.getMediaBox().getHeight() - 90;
                    for (String line : lines) {
                        content.beginText();
                        content.setFont(helvetica, line == lines.get(0) ? 18 : 11);
                        content.newLineAtOffset(60, baseline);
                        content.showText(line);
                        content.endText();
                        baseline -= line == lines.get(0) ? 36 : 22;
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
