package io.docchat.documents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import io.docchat.documents.DocumentParsers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures extraction accuracy on real files: every probe of {@code pdf_probes.json} must be found in the text of the
 * page it belongs to, every probe of {@code office_probes.json} in the document's text. Comparison is after NFKC
 * normalisation with all white space removed. Office probes are tab-separated cells (the spreadsheet or table row as a
 * CSV tool printed it); such a probe is found when its non-empty cells occur in order on one line of the document,
 * whatever separates them there (this parser writes {@code "Header: value | ..."}).
 *
 * <p>Usage: {@code ProbeAccuracy <documents dir>}, for example {@code ../shared/eval/documents}.
 */
public final class ProbeAccuracy {

    private ProbeAccuracy() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ProbeAccuracy <documents dir>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        PrintStream out = System.out;
        List<DocumentParser> parsers = DocumentParsers.all();
        ObjectMapper json = new ObjectMapper();
        int found = 0;
        int total = 0;

        out.println("| file | probes found | outcome |");
        out.println("|---|---|---|");
        JsonNode pdfProbes = json.readTree(dir.resolve("pdf_probes.json").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = pdfProbes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Path file = dir.resolve(entry.getValue().get("file").asText());
            ParseResult result = parse(parsers, file);
            int fileFound = 0;
            int fileTotal = entry.getValue().get("probes").size();
            if (entry.getValue().path("encrypted").asBoolean(false)) {
                // Without its password the file must fail; its probes only count for a reader given the password.
                out.println("| " + entry.getKey() + " | negative (encrypted) | " + outcome(result) + " |");
                continue;
            }
            if (result instanceof ParseResult.Success success) {
                for (JsonNode probe : entry.getValue().get("probes")) {
                    int pageNumber = probe.get("page").asInt();
                    String pageText = success.document().pages().stream()
                            .filter(p -> p.number() == pageNumber).findFirst().map(ProbeAccuracy::pageText)
                            .orElse("");
                    if (squash(pageText).contains(squash(probe.get("text").asText()))) {
                        fileFound++;
                    } else {
                        out.println("<!-- missed on page " + pageNumber + ": " + probe.get("text").asText() + " -->");
                    }
                }
            }
            found += fileFound;
            total += fileTotal;
            out.println("| " + entry.getKey() + " | " + rate(fileFound, fileTotal) + " | " + outcome(result) + " |");
        }

        JsonNode officeProbes = json.readTree(dir.resolve("office_probes.json").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = officeProbes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Path file = dir.resolve(entry.getValue().get("file").asText());
            ParseResult result = parse(parsers, file);
            int fileFound = 0;
            int fileTotal = entry.getValue().get("probes").size();
            if (result instanceof ParseResult.Success success) {
                List<String> lines = new ArrayList<>();
                StringBuilder all = new StringBuilder();
                for (Page page : success.document().pages()) {
                    for (TextBlock block : page.blocks()) {
                        for (var line : block.lines()) {
                            lines.add(squash(line.text()));
                            all.append(line.text()).append('\n');
                        }
                    }
                }
                String allText = squash(all.toString());
                for (JsonNode probe : entry.getValue().get("probes")) {
                    String text = probe.asText();
                    boolean hit = text.contains("\t") ? cellsInOrder(lines, text) : allText.contains(squash(text));
                    if (hit) {
                        fileFound++;
                    } else {
                        out.println("<!-- missed: " + text.replace("\t", "\\t") + " -->");
                    }
                }
            }
            found += fileFound;
            total += fileTotal;
            out.println("| " + entry.getKey() + " | " + rate(fileFound, fileTotal) + " | " + outcome(result) + " |");
        }
        out.println();
        out.println("All probes of text-bearing files: " + rate(found, total));
    }

    private static ParseResult parse(List<DocumentParser> parsers, Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        Optional<DocumentParser> parser = parsers.stream().filter(p -> p.accepts(name, content)).findFirst();
        if (parser.isEmpty()) {
            return ParseResult.failure(io.docchat.core.port.ParseFailure.UNSUPPORTED_TYPE, "no parser accepts it");
        }
        return parser.get().parse(name, content);
    }

    private static String outcome(ParseResult result) {
        if (result instanceof ParseResult.Failure failure) {
            return "failed " + failure.kind() + ": " + failure.message();
        }
        ParsedDocument document = ((ParseResult.Success) result).document();
        String warnings = document.warnings().isEmpty() ? "" : "; warning: " + String.join(" ", document.warnings());
        return "parsed, " + document.pages().size() + " page(s)" + warnings;
    }

    private static String pageText(Page page) {
        StringBuilder sb = new StringBuilder();
        for (TextBlock block : page.blocks()) {
            sb.append(block.text()).append('\n');
        }
        return sb.toString();
    }

    private static boolean cellsInOrder(List<String> lines, String probe) {
        List<String> cells = new ArrayList<>();
        for (String cell : probe.split("\t")) {
            String squashed = squash(cell);
            if (!squashed.isEmpty()) {
                cells.add(squashed);
            }
        }
        for (String line : lines) {
            int from = 0;
            boolean all = true;
            for (String cell : cells) {
                int at = line.indexOf(cell, from);
                if (at < 0) {
                    all = false;
                    break;
                }
                from = at + cell.length();
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    static String squash(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(normalized.length());
        normalized.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static String rate(int found, int total) {
        return total == 0 ? "no probes" : found + "/" + total + String.format(" (%.0f%%)", 100.0 * found / total);
    }
}
