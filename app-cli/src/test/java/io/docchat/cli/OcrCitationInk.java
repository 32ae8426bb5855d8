package io.docchat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.documents.PdfPageRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Checks that citations of OCR text lie on the text: ingests a scanned PDF with the command line, asks each probe
 * question of a probe file (the format of {@code eval pages}), draws the cited page, and prints for every cited line
 * box the share of dark pixels inside it and the share of its pixel rows that hold ink, next to the dark share of the
 * whole page. A box on a text line is several times darker than the page and has ink in most of its rows.
 *
 * <p>Usage: {@code OcrCitationInk <scanned.pdf> <probes.json>}, e.g. the shared {@code extractous-eng-ocr.pdf} with
 * {@code docs/ocr-probes.json}.
 */
public final class OcrCitationInk {

    private static final float SCALE = 2f;
    private static final int DARK = 128;

    private OcrCitationInk() {}

    public static void main(String[] args) throws Exception {
        Path pdf = Path.of(args[0]);
        JsonNode probes = new ObjectMapper().readTree(Path.of(args[1]).toFile());
        Path home = Files.createTempDirectory("docchat-ocr-ink-");
        CliHarness cli = new CliHarness(home);
        CliHarness.Result ingest = cli.run("ingest", pdf.toString(), "--folder", "ink");
        System.out.println(ingest.out().strip());
        byte[] content = Files.readAllBytes(pdf);
        PdfPageRenderer renderer = new PdfPageRenderer();
        for (Iterator<Map.Entry<String, JsonNode>> files = probes.fields(); files.hasNext(); ) {
            for (JsonNode probe : files.next().getValue().path("probes")) {
                String question = probe.path("text").asText();
                JsonNode answer = new ObjectMapper().readTree(cli.run("ask", "--folder", "ink", "--json", question).out());
                JsonNode citation = answer.path("item").path("citations").path(0);
                System.out.println("Q: " + question);
                System.out.println("A: " + answer.path("item").path("answer").asText());
                for (JsonNode page : citation.path("pages")) {
                    int number = page.path("page").asInt();
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                            renderer.renderPng(pdf.getFileName().toString(), content, number, SCALE).orElseThrow()));
                    double pageDark = dark(image, 0, 0, image.getWidth(), image.getHeight())[0];
                    System.out.printf(Locale.ROOT, "  page %d (expected %d), page dark share %.3f%n", number,
                            probe.path("page").asInt(), pageDark);
                    for (JsonNode line : page.path("lines")) {
                        JsonNode box = line.path("box");
                        double[] ink = dark(image, box.path("x").floatValue() * SCALE, box.path("y").floatValue() * SCALE,
                                box.path("width").floatValue() * SCALE, box.path("height").floatValue() * SCALE);
                        System.out.printf(Locale.ROOT, "    line %2d dark share %.3f (%.1fx page), rows with ink %.0f%%: %s%n",
                                line.path("line").asInt(), ink[0], ink[0] / pageDark, 100 * ink[1],
                                line.path("text").asText());
                    }
                }
            }
        }
    }

    /** The share of dark pixels in the rectangle, and the share of its rows holding at least one dark pixel. */
    private static double[] dark(BufferedImage image, double x, double y, double width, double height) {
        int x0 = Math.max(0, (int) Math.floor(x));
        int y0 = Math.max(0, (int) Math.floor(y));
        int x1 = Math.min(image.getWidth(), (int) Math.ceil(x + width));
        int y1 = Math.min(image.getHeight(), (int) Math.ceil(y + height));
        long darkPixels = 0;
        int inkRows = 0;
        for (int row = y0; row < y1; row++) {
            boolean ink = false;
            for (int column = x0; column < x1; column++) {
                int rgb = image.getRGB(column, row);
                int gray = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                if (gray < DARK) {
                    darkPixels++;
                    ink = true;
                }
            }
            if (ink) {
                inkRows++;
            }
        }
        long pixels = (long) Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        return new double[] {pixels == 0 ? 0 : (double) darkPixels / pixels, y1 <= y0 ? 0 : (double) inkRows / (y1 - y0)};
    }
}
