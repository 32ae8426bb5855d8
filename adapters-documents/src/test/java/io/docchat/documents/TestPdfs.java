package io.docchat.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/**
 * Builds PDFs for tests. Text positions are given on the page as displayed (origin top-left, y down, at the
 * baseline), whatever the page's /Rotate, so expectations read like the page looks.
 */
final class TestPdfs {

    /** A run of text drawn with Helvetica at a baseline point of the displayed page. */
    record Text(float x, float baseline, float size, String text) {}

    /** A page of the given displayed size. */
    record PageSpec(float width, float height, int rotation, List<Text> texts) {}

    private TestPdfs() {}

    static byte[] pdf(PageSpec... pages) {
        return save(document(pages));
    }

    static PDDocument document(PageSpec... pages) {
        PDDocument document = new PDDocument();
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try {
            for (PageSpec spec : pages) {
                boolean sideways = spec.rotation() == 90 || spec.rotation() == 270;
                float userWidth = sideways ? spec.height() : spec.width();
                float userHeight = sideways ? spec.width() : spec.height();
                PDPage page = new PDPage(new PDRectangle(userWidth, userHeight));
                page.setRotation(spec.rotation());
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (Text text : spec.texts()) {
                        content.beginText();
                        content.setFont(helvetica, text.size());
                        content.setTextMatrix(displayToUser(spec.rotation(), userWidth, userHeight, text.x(),
                                text.baseline()));
                        content.showText(text.text());
                        content.endText();
                    }
                }
            }
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text matrix that draws upright text at a displayed baseline point on a page with this rotation. */
    private static Matrix displayToUser(int rotation, float w, float h, float x, float y) {
        return switch (rotation) {
            case 90 -> new Matrix(0, 1, -1, 0, y, x);
            case 180 -> new Matrix(-1, 0, 0, -1, w - x, y);
            case 270 -> new Matrix(0, -1, 1, 0, w - y, h - x);
            default -> new Matrix(1, 0, 0, 1, x, h - y);
        };
    }

    /**
     * A page of Chinese text in the non-embedded Adobe-GB1 font STSong-Light (text extraction needs no font file),
     * with a space between every two characters as justified CJK text often has.
     */
    static byte[] chinese(String... lines) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            COSDictionary descriptor = new COSDictionary();
            descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
            descriptor.setName(COSName.FONT_NAME, "STSong-Light");
            descriptor.setInt(COSName.FLAGS, 6);
            descriptor.setItem(COSName.FONT_BBOX, ints(-25, -254, 1000, 880));
            descriptor.setInt(COSName.ITALIC_ANGLE, 0);
            descriptor.setInt(COSName.ASCENT, 880);
            descriptor.setInt(COSName.DESCENT, -120);
            descriptor.setInt(COSName.CAP_HEIGHT, 880);
            descriptor.setInt(COSName.STEM_V, 93);
            COSDictionary systemInfo = new COSDictionary();
            systemInfo.setString(COSName.REGISTRY, "Adobe");
            systemInfo.setString(COSName.ORDERING, "GB1");
            systemInfo.setInt(COSName.SUPPLEMENT, 4);
            COSDictionary cidFont = new COSDictionary();
            cidFont.setItem(COSName.TYPE, COSName.FONT);
            cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
            cidFont.setName(COSName.BASE_FONT, "STSong-Light");
            cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
            cidFont.setItem(COSName.FONT_DESC, descriptor);
            cidFont.setInt(COSName.DW, 1000);
            COSArray widths = new COSArray();
            widths.add(COSInteger.get(1));
            widths.add(COSInteger.get(95));
            widths.add(COSInteger.get(500));
            cidFont.setItem(COSName.W, widths);
            COSDictionary font = new COSDictionary();
            font.setItem(COSName.TYPE, COSName.FONT);
            font.setItem(COSName.SUBTYPE, COSName.TYPE0);
            font.setName(COSName.BASE_FONT, "STSong-Light");
            font.setName(COSName.ENCODING, "UniGB-UCS2-H");
            COSArray descendants = new COSArray();
            descendants.add(cidFont);
            font.setItem(COSName.DESCENDANT_FONTS, descendants);
            COSDictionary fonts = new COSDictionary();
            fonts.setItem(COSName.getPDFName("F1"), font);
            PDResources resources = new PDResources();
            resources.getCOSObject().setItem(COSName.FONT, fonts);
            page.setResources(resources);

            StringBuilder ops = new StringBuilder("BT /F1 12 Tf\n");
            float y = 780;
            for (String line : lines) {
                ops.append("1 0 0 1 72 ").append(y).append(" Tm <");
                for (int i = 0; i < line.length(); i++) {
                    if (i > 0) {
                        ops.append("0020");
                    }
                    ops.append(String.format("%04X", (int) line.charAt(i)));
                }
                ops.append("> Tj\n");
                y -= 20;
            }
            ops.append("ET\n");
            PDStream stream = new PDStream(document);
            try (var out = stream.createOutputStream()) {
                out.write(ops.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            page.setContents(stream);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encrypted(byte[] pdf, String userPassword) {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page with a filled rectangle and no text: what a scan looks like to a text extractor. */
    static byte[] imageOnly() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(100, 100, 200, 300);
                content.fill();
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Text> column(float x, float firstBaseline, float size, float leading, List<String> lines) {
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            texts.add(new Text(x, firstBaseline + i * leading, size, lines.get(i)));
        }
        return texts;
    }

    private static COSArray ints(int... values) {
        COSArray array = new COSArray();
        for (int v : values) {
            array.add(COSInteger.get(v));
        }
        return array;
    }

    private static byte[] save(PDDocument document) {
        try (document) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
