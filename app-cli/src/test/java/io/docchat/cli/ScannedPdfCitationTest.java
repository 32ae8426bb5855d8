package io.docchat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the whole stack: a scanned PDF (an image of text, no text layer) is ingested, read by OCR, and a question
 * about it is answered with a citation on page 1 whose line boxes lie on the drawn line that holds the answer.
 */
class ScannedPdfCitationTest {

    private static final List<String> LINES = List.of(
            "The pump station was inspected on the third of May.",
            "Inspectors found the north valve cracked and leaking.",
            "A replacement valve was ordered from the Hamburg depot.",
            "The station reopened after the new valve was fitted.");
    private static final float PAGE_WIDTH = 612f;
    private static final float PAGE_HEIGHT = 396f;
    private static final int PIXELS_WIDE = 2550;
    private static final int PIXELS_HIGH = 1650;

    @TempDir
    Path temp;

    /** Where each line was drawn, in PDF points. */
    private final List<float[]> drawnLines = new ArrayList<>();

    @Test
    void aQuestionAboutAScannedPageIsCitedOnTheLineThatAnswersIt() throws Exception {
        assumeTrue(tesseractRuns(), "Tesseract is not installed: this OCR test is skipped. "
                + "Install the Debian packages tesseract-ocr tesseract-ocr-eng (see .ci/run).");
        Path pdf = temp.resolve("inspection-scan.pdf");
        Files.write(pdf, scannedPdf());
        CliHarness cli = new CliHarness(temp);

        CliHarness.Result ingest = cli.run("ingest", pdf.toString(), "--folder", "scans");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        CliHarness.Result ask = cli.run("ask", "--folder", "scans", "--json",
                "Where was the replacement valve ordered from?");
        assertThat(ask.exitCode()).as(ask.err()).isZero();

        JsonNode answer = new ObjectMapper().readTree(ask.out());
        JsonNode citation = answer.path("item").path("citations").get(0);
        assertThat(citation).as("citations of %s (ingest: %s)", ask.out(), ingest.out()).isNotNull();
        assertThat(citation.path("documentName").asText()).isEqualTo("inspection-scan.pdf");
        JsonNode page = citation.path("pages").get(0);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("width").floatValue()).isEqualTo(PAGE_WIDTH);
        JsonNode hamburg = null;
        for (JsonNode line : page.path("lines")) {
            if (line.path("text").asText().contains("Hamburg")) {
                hamburg = line;
            }
        }
        assertThat(hamburg).as("a cited line holds the answer: %s", page).isNotNull();
        JsonNode box = hamburg.path("box");
        float[] drawn = drawnLines.get(2);
        float top = box.path("y").floatValue();
        float bottom = top + box.path("height").floatValue();
        float overlap = Math.min(bottom, drawn[1] + drawn[3]) - Math.max(top, drawn[1]);
        assertThat(overlap / Math.min(box.path("height").floatValue(), drawn[3])).as("box %s on line %s", box,
                java.util.Arrays.toString(drawn)).isGreaterThan(0.6f);
        assertThat(Math.abs(box.path("x").floatValue() - drawn[0])).isLessThan(drawn[3]);
    }

    private byte[] scannedPdf() throws IOException {
        BufferedImage image = new BufferedImage(PIXELS_WIDE, PIXELS_HIGH, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        float pointsPerPixel = PAGE_WIDTH / PIXELS_WIDE;
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, PIXELS_WIDE, PIXELS_HIGH);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(50f));
            FontMetrics metrics = g.getFontMetrics();
            int left = 300;
            float baseline = 300;
            for (String line : LINES) {
                g.drawString(line, left, baseline);
                drawnLines.add(new float[] {left * pointsPerPixel, (baseline - metrics.getAscent()) * pointsPerPixel,
                        metrics.stringWidth(line) * pointsPerPixel,
                        (metrics.getAscent() + metrics.getDescent()) * pointsPerPixel});
                baseline += 110;
            }
        } finally {
            g.dispose();
        }
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(PAGE_WIDTH, PAGE_HEIGHT));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, image), 0, 0, PAGE_WIDTH, PAGE_HEIGHT);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static boolean tesseractRuns() {
        try {
            Process process = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0
                    && output.toLowerCase(Locale.ROOT).lines().anyMatch(l -> l.strip().equals("eng"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
