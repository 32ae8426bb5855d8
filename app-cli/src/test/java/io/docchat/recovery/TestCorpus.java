package io.docchat.recovery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Generated documents for the recovery tests: plain text, Markdown and small PDFs, each with distinct content and a
 * marker word that no other document contains. The marker follows from the file name alone, so a checker can tell which
 * word must find a document even when the process that submitted it died before saying so.
 *
 * <p>Markers are letters only and end in 'q', so that every analyzer keeps them as one token and no stemmer trims them.
 */
final class TestCorpus {

    /** One generated file. */
    record GeneratedDocument(String fileName, String marker, byte[] content) {}

    private static final Pattern FILE_NAME = Pattern.compile("c(\\d+)-doc(\\d+)\\.(txt|md|pdf)");
    private static final int MARKER_SPACE = 26 * 26 * 26 * 26 * 26 * 26;
    private static final float PDF_FONT_SIZE = 11;
    private static final float PDF_LEADING = 15;
    private static final float PDF_MARGIN = 72;
    private static final int PDF_LINE_CHARS = 78;
    private static final int PDF_LINES_PER_PAGE = 40;

    private static final String[] WORDS = {
        "pump", "valve", "pressure", "gasket", "turbine", "filter", "coolant", "bearing", "housing", "impeller",
        "sensor", "voltage", "relay", "circuit", "breaker", "inverter", "battery", "charger", "cable", "terminal",
        "manifold", "nozzle", "flange", "bracket", "spindle", "gearbox", "clutch", "piston", "cylinder", "crank",
        "operator", "technician", "inspection", "maintenance", "schedule", "warranty", "invoice", "supplier",
        "tolerance", "calibration", "measurement", "threshold", "alarm", "shutdown", "startup", "reading", "gauge",
        "meter", "flow", "rate", "temperature", "humidity", "vibration", "noise", "leak", "seal", "bolt", "torque",
        "lubricant", "grease", "oil", "drain", "tank", "reservoir", "pipeline", "hose", "fitting", "adapter",
        "controller", "panel", "display", "button", "switch", "indicator", "lamp", "fuse", "transformer", "motor",
        "rotor", "stator", "winding", "insulation", "ground", "shield", "enclosure", "cabinet", "frame", "base",
        "anchor", "mount", "damper", "spring", "shaft", "coupling", "pulley", "belt", "chain", "sprocket",
        "replaces", "checks", "adjusts", "records", "cleans", "tightens", "measures", "reports", "verifies",
        "monitors", "quickly", "carefully", "weekly", "daily", "before", "after", "during", "between", "under",
        "above", "every", "each", "main", "spare", "primary", "secondary", "outer", "inner", "upper", "lower",
    };

    private TestCorpus() {}

    /** The marker of document {@code index} of {@code cycle}: a word found in that document and nowhere else. */
    static String marker(int cycle, int index) {
        if (cycle < 0 || index < 0 || index >= 1000) {
            throw new IllegalArgumentException("cycle " + cycle + ", index " + index);
        }
        // An odd multiplier not divisible by 13 permutes the residues modulo 26^6, so distinct numbers never collide.
        long scrambled = ((long) (cycle * 1000 + index) * 7919L + 12_345L) % MARKER_SPACE;
        char[] letters = new char[6];
        for (int i = letters.length - 1; i >= 0; i--) {
            letters[i] = (char) ('a' + scrambled % 26);
            scrambled /= 26;
        }
        return "zq" + new String(letters) + "q";
    }

    /** The marker of a file named by {@link #document}, or empty for any other name. */
    static Optional<String> markerOfFileName(String fileName) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(marker(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    /**
     * Document {@code index} of {@code cycle}: every third a PDF (a few pages), every fifth of the rest Markdown, else
     * text.
     */
    static GeneratedDocument document(int cycle, int index) {
        String marker = marker(cycle, index);
        Random random = new Random(cycle * 1_000_003L + index);
        String extension = index % 3 == 1 ? "pdf" : index % 5 == 0 ? "md" : "txt";
        String fileName = String.format("c%d-doc%03d.%s", cycle, index, extension);
        // Long enough that parsing takes longer than submitting, so a queue of waiting documents builds up.
        List<String> paragraphs = paragraphs(random, marker, cycle, index, 12 + random.nextInt(9));
        byte[] content = switch (extension) {
            case "pdf" -> pdf(paragraphs);
            case "md" -> markdown(paragraphs, cycle, index).getBytes(StandardCharsets.UTF_8);
            default -> String.join("\n\n", paragraphs).concat("\n").getBytes(StandardCharsets.UTF_8);
        };
        return new GeneratedDocument(fileName, marker, content);
    }

    /**
     * A long text document, {@code paragraphs} paragraphs (a hundred passages or so for 200), with the marker in the
     * first and the last: a document whose indexing takes a noticeable time.
     */
    static GeneratedDocument longText(int cycle, int index, int paragraphs) {
        String marker = marker(cycle, index);
        Random random = new Random(cycle * 1_000_003L + index);
        String fileName = String.format("c%d-doc%03d.txt", cycle, index);
        String text = String.join("\n\n", paragraphs(random, marker, cycle, index, paragraphs)) + "\n";
        return new GeneratedDocument(fileName, marker, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Common words of the corpus, for searches that hit many documents at once. */
    static List<String> commonWords(int count) {
        return List.of(WORDS).subList(0, Math.min(count, WORDS.length));
    }

    private static List<String> paragraphs(Random random, String marker, int cycle, int index, int count) {
        List<String> paragraphs = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            StringBuilder paragraph = new StringBuilder();
            if (p == 0) {
                paragraph.append("Record ").append(index).append(" of batch ").append(cycle)
                        .append(" carries the reference ").append(marker).append(". ");
            }
            int sentences = 3 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (s > 0 || p == 0) {
                    paragraph.append(' ');
                }
                paragraph.append(sentence(random));
            }
            if (p == count - 1) {
                paragraph.append(" Quote the reference ").append(marker).append(" in every reply.");
            }
            paragraphs.add(paragraph.toString().strip());
        }
        return paragraphs;
    }

    private static String sentence(Random random) {
        int words = 8 + random.nextInt(7);
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (w == 0) {
                sentence.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                sentence.append(' ').append(word);
            }
        }
        return sentence.append('.').toString();
    }

    private static String markdown(List<String> paragraphs, int cycle, int index) {
        StringBuilder text = new StringBuilder("# Service record ").append(cycle).append('-').append(index)
                .append("\n\n");
        for (int p = 0; p < paragraphs.size(); p++) {
            if (p % 2 == 0) {
                text.append("## Section ").append(p / 2 + 1).append("\n\n");
            }
            text.append(paragraphs.get(p)).append("\n\n");
        }
        return text.toString();
    }

    /** The paragraphs wrapped into lines, with a gap between paragraphs, on as many pages as they need. */
    private static byte[] pdf(List<String> paragraphs) {
        List<List<String>> pages = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String paragraph : paragraphs) {
            for (String line : wrap(paragraph)) {
                if (lines.size() == PDF_LINES_PER_PAGE) {
                    pages.add(lines);
                    lines = new ArrayList<>();
                }
                lines.add(line);
            }
            if (!lines.isEmpty() && lines.size() < PDF_LINES_PER_PAGE) {
                lines.add("");
            }
        }
        if (!lines.isEmpty()) {
            pages.add(lines);
        }
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (List<String> pageLines : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                float top = page.getMediaBox().getHeight() - PDF_MARGIN;
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(helvetica, PDF_FONT_SIZE);
                    content.setLeading(PDF_LEADING);
                    content.newLineAtOffset(PDF_MARGIN, top);
                    for (String line : pageLines) {
                        if (!line.isEmpty()) {
                            content.showText(line);
                        }
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String paragraph) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > PDF_LINE_CHARS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
