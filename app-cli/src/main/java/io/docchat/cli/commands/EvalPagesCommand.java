package io.docchat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.cli.Backend;
import io.docchat.cli.CliException;
import io.docchat.cli.DocChatCli;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.Interrupts;
import io.docchat.cli.Terminal;
import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.model.Box;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code docchat eval pages}: ingests real documents and asks for each probe sentence; a probe is answered at the right
 * place when the first citation names the probe's document and page and its boxes lie on that page.
 */
@Command(name = "pages", mixinStandardHelpOptions = true,
        description = {
            "Evaluate page accuracy of citations: ingest a directory of documents, ask for each probe sentence,",
            "and check that the first citation names the right document and page, with boxes on that page."
        })
public final class EvalPagesCommand extends BackendCommand {
    /** Boxes may overhang the page edge by this much (page units) from glyph bounds and rounding. */
    private static final float EDGE_TOLERANCE = 2f;

    @ParentCommand
    private EvalCommand eval;

    @Option(names = "--documents", required = true, paramLabel = "DIR", description = "Directory of documents (recursive).")
    Path documents;

    @Option(names = "--probes", required = true, paramLabel = "FILE",
            description = "Probes JSON: {fileName: {pages, probes: [{page, text}]}}.")
    Path probes;

    @Option(names = "--keep", description = "Keep the temporary data directory (its path is printed).")
    boolean keep;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    /** The outcome for one file. */
    private static final class FileReport {
        final String name;
        Document document;
        int probes;
        int documentRight;
        int pageRight;
        int boxesOnPage;
        final List<String> misses = new ArrayList<>();

        FileReport(String name) {
            this.name = name;
        }
    }

    @Override
    DocChatCli root() {
        return eval.root();
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(documents)) {
            throw CliException.notFound("no directory " + documents);
        }
        try (TempHome temp = new TempHome(keep); Backend backend = root().openBackend(temp.home())) {
            if (keep) {
                terminal().err().println("data directory: " + temp.home().root());
            }
            return run(backend);
        }
    }

    @Override
    int run(Backend backend) throws InterruptedException, IOException {
        Json out = new Json();
        JsonNode probeFile = out.mapper().readTree(probes.toFile());
        DocChat docChat = backend.docChat();
        // Only the files the probes name: a directory may also hold reference texts of the same documents, which
        // would compete for the citations.
        Set<String> probed = new HashSet<>();
        probeFile.fieldNames().forEachRemaining(probed::add);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(documents)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> probed.contains(file.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        Ingestor.Report ingest = new Ingestor(docChat, ACCOUNT, Duration.ofMinutes(30))
                .ingest(files, "eval", (done, total, pages) -> { });
        Map<String, Document> byName = new LinkedHashMap<>();
        for (Ingestor.Outcome outcome : ingest.outcomes()) {
            if (outcome.document() != null) {
                byName.putIfAbsent(outcome.file().getFileName().toString(), outcome.document());
            }
        }
        Folder root = Scopes.folder(docChat, ACCOUNT, "eval");
        Answering answering = new Answering(docChat, ACCOUNT, Interrupts.none());
        List<FileReport> reports = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = probeFile.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            FileReport report = new FileReport(entry.getKey());
            report.document = byName.get(entry.getKey());
            reports.add(report);
            for (JsonNode probe : entry.getValue().path("probes")) {
                int page = probe.path("page").asInt();
                String text = probe.path("text").asText();
                if (text.isBlank()) {
                    continue;
                }
                report.probes++;
                check(docChat, answering, root, report, page, text);
            }
        }
        if (json) {
            printJson(terminal().out(), out, reports);
        } else {
            printTable(terminal(), reports);
        }
        return ExitCodes.OK;
    }

    private void check(DocChat docChat, Answering answering, Folder root, FileReport report, int page, String text) {
        Session session = docChat.sessions().create(ACCOUNT, root.id(), "probe " + report.name, null);
        List<Citation> citations;
        try {
            citations = answering.ask(session.id(), text, null).item().citations();
        } catch (DocChatException e) {
            report.misses.add("p." + page + ": refused: " + e.getMessage());
            return;
        }
        if (citations.isEmpty()) {
            report.misses.add("p." + page + ": no citation");
            return;
        }
        Citation first = citations.get(0);
        if (report.document == null || first.documentId() != report.document.id()) {
            report.misses.add("p." + page + ": cited " + first.documentName());
            return;
        }
        report.documentRight++;
        CitedPage cited = first.pages().stream().filter(p -> p.pageNumber() == page).findFirst().orElse(null);
        if (cited == null) {
            report.misses.add("p." + page + ": cited page(s) "
                    + first.pages().stream().map(p -> String.valueOf(p.pageNumber())).toList());
            return;
        }
        report.pageRight++;
        if (boxesOnPage(cited)) {
            report.boxesOnPage++;
        } else {
            report.misses.add("p." + page + ": boxes missing or off the page");
        }
    }

    private static boolean boxesOnPage(CitedPage page) {
        if (page.lines().isEmpty() || page.width() <= 0 || page.height() <= 0) {
            return false;
        }
        for (CitedLine line : page.lines()) {
            Box box = line.box();
            if (box == null
                    || box.x() < -EDGE_TOLERANCE || box.y() < -EDGE_TOLERANCE
                    || box.right() > page.width() + EDGE_TOLERANCE || box.bottom() > page.height() + EDGE_TOLERANCE
                    || box.width() <= 0 || box.height() <= 0) {
                return false;
            }
        }
        return true;
    }

    private static double rate(int count, int of) {
        return of == 0 ? 0 : (double) count / of;
    }

    private void printTable(Terminal terminal, List<FileReport> reports) {
        PrintWriter out = terminal.out();
        out.printf(Locale.ROOT, "%-52s %-18s %6s %8s %6s %6s%n", "file", "status", "probes", "document", "page", "boxes");
        int probes = 0;
        int documentRight = 0;
        int pageRight = 0;
        int boxes = 0;
        for (FileReport r : reports) {
            String status = r.document == null ? "not ingested" : r.document.status().name().toLowerCase(Locale.ROOT);
            if (r.probes == 0) {
                out.printf(Locale.ROOT, "%-52s %-18s %6d %8s %6s %6s%s%n", r.name, status, 0, "-", "-", "-",
                        r.document != null && r.document.errorMessage() != null ? "  " + r.document.errorMessage() : "");
                continue;
            }
            out.printf(Locale.ROOT, "%-52s %-18s %6d %8.3f %6.3f %6.3f%n", r.name, status, r.probes,
                    rate(r.documentRight, r.probes), rate(r.pageRight, r.probes), rate(r.boxesOnPage, r.probes));
            for (String miss : r.misses) {
                out.println("    " + terminal.dim(miss));
            }
            probes += r.probes;
            documentRight += r.documentRight;
            pageRight += r.pageRight;
            boxes += r.boxesOnPage;
        }
        out.printf(Locale.ROOT, "%-52s %-18s %6d %8.3f %6.3f %6.3f%n", "all", "", probes,
                rate(documentRight, probes), rate(pageRight, probes), rate(boxes, probes));
        out.println("document: first citation names the probe's file; page: and its page; boxes: and its line boxes lie on that page.");
        out.flush();
    }

    private void printJson(PrintWriter out, Json json, List<FileReport> reports) {
        ObjectNode root = json.object();
        ArrayNode files = root.putArray("files");
        int probes = 0;
        int documentRight = 0;
        int pageRight = 0;
        int boxes = 0;
        for (FileReport r : reports) {
            ObjectNode file = files.addObject();
            file.put("file", r.name);
            file.put("status", r.document == null ? "NOT_INGESTED" : r.document.status().name());
            if (r.document != null && r.document.errorMessage() != null) {
                file.put("error", r.document.errorMessage());
            }
            file.put("probes", r.probes);
            file.put("documentRate", rate(r.documentRight, r.probes));
            file.put("pageRate", rate(r.pageRight, r.probes));
            file.put("boxesRate", rate(r.boxesOnPage, r.probes));
            ArrayNode misses = file.putArray("misses");
            r.misses.forEach(misses::add);
            probes += r.probes;
            documentRight += r.documentRight;
            pageRight += r.pageRight;
            boxes += r.boxesOnPage;
        }
        ObjectNode all = root.putObject("all");
        all.put("probes", probes);
        all.put("documentRate", rate(documentRight, probes));
        all.put("pageRate", rate(pageRight, probes));
        all.put("boxesRate", rate(boxes, probes));
        json.print(out, root);
    }
}
