package io.docchat.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.cli.Backend;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.Terminal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docchat ingest}: adds files and directories to a folder and waits until they are searchable. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Add files and directories (recursively) to a folder and wait until they are parsed.",
            "Sub-directories become sub-folders. Files no parser reads are skipped when found in a directory."
        })
public final class IngestCommand extends TopLevelCommand {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories (PDF, Word, Excel, HTML, Markdown, text).")
    List<Path> paths;

    @Option(names = {"-f", "--folder"}, paramLabel = "PATH", defaultValue = "default",
            description = "Folder path such as manuals/2024, created as needed (default: ${DEFAULT-VALUE}).")
    String folder;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M",
            description = "How long to wait for parsing, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--embedding-timeout", paramLabel = "DURATION", defaultValue = "PT30M",
            description = {"How long to wait, after parsing, for the passages' vectors, ISO-8601 (default: "
                    + "${DEFAULT-VALUE}); PT0S does not wait.",
                "Passages are searchable by words once parsed; vectors not made by then are made in the background "
                    + "by the next command that opens the knowledge base (serve, chat, ask)."})
    Duration embeddingTimeout;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    int run(Backend backend) throws InterruptedException {
        Terminal terminal = terminal();
        ProgressBar bar = new ProgressBar(terminal, backend::ocrPagesRead);
        Ingestor ingestor = new Ingestor(backend.docChat(), ACCOUNT, timeout);
        Ingestor.Report report = ingestor.ingest(paths, folder, bar::update);
        Ingestor.Embedding embedding = ingestor.awaitEmbedding(report, embeddingTimeout, bar::embedding);
        bar.finish();
        if (json) {
            printJson(terminal.out(), report, embedding);
        } else {
            printSummary(terminal, report);
            printEmbedding(terminal, embedding);
        }
        if (report.failed() == 0) {
            return ExitCodes.OK;
        }
        return report.completed() > 0 ? ExitCodes.PARTIAL_FAILURE : ExitCodes.FAILURE;
    }

    private void printSummary(Terminal terminal, Ingestor.Report report) {
        PrintWriter out = terminal.out();
        double seconds = report.elapsedNanos() / 1e9;
        out.printf(Locale.ROOT, "%s %d of %d files into %s: %d pages in %.1f s (%.1f pages/s).%n",
                terminal.bold("Ingested"), report.completed(), report.outcomes().size() - report.skipped(),
                FolderPaths.normalize(folder), report.pages(), seconds, report.pages() / Math.max(seconds, 1e-3));
        if (report.skipped() > 0) {
            out.printf(Locale.ROOT, "Skipped %d files of unsupported types.%n", report.skipped());
        }
        if (report.failed() > 0) {
            out.println(terminal.red(report.failed() + " failed:"));
            for (Ingestor.Outcome outcome : report.outcomes()) {
                if (outcome.failed()) {
                    out.println("  " + outcome.file() + ": " + outcome.reason());
                }
            }
        }
        for (Ingestor.Outcome outcome : report.outcomes()) {
            if (outcome.completed() && !outcome.document().warnings().isEmpty()) {
                out.println(terminal.yellow("warning: ") + outcome.file() + ": "
                        + String.join("; ", outcome.document().warnings()));
            }
        }
        out.flush();
    }

    private static void printEmbedding(Terminal terminal, Ingestor.Embedding embedding) {
        if (!embedding.model() || embedding.passages() == 0) {
            return;
        }
        PrintWriter out = terminal.out();
        double seconds = embedding.elapsedNanos() / 1e9;
        if (embedding.remaining() == 0) {
            out.printf(Locale.ROOT, "%s %d passages (searchable by meaning too) in %.1f s after parsing.%n",
                    terminal.bold("Embedded"), embedding.passages(), seconds);
        } else {
            out.printf(Locale.ROOT, "%s %d of %d passages have their vectors after %.1f s; the other %d are "
                    + "searchable by words now and get their vectors in the background the next time the knowledge "
                    + "base is opened (serve, chat, ask).%n", terminal.yellow("Embedding unfinished:"),
                    embedding.embedded(), embedding.passages(), seconds, embedding.remaining());
        }
        out.flush();
    }

    private void printJson(PrintWriter out, Ingestor.Report report, Ingestor.Embedding embedding) {
        Json json = new Json();
        ObjectNode root = json.object();
        root.put("folder", FolderPaths.normalize(folder));
        root.put("completed", report.completed());
        root.put("failed", report.failed());
        root.put("skipped", report.skipped());
        root.put("pages", report.pages());
        root.put("seconds", report.elapsedNanos() / 1e9);
        if (embedding.model()) {
            ObjectNode vectors = root.putObject("embedding");
            vectors.put("passages", embedding.passages());
            vectors.put("embedded", embedding.embedded());
            vectors.put("seconds", embedding.elapsedNanos() / 1e9);
        }
        ArrayNode files = root.putArray("files");
        for (Ingestor.Outcome outcome : report.outcomes()) {
            ObjectNode file = files.addObject();
            file.put("path", outcome.file().toString());
            file.put("folder", outcome.folderPath());
            file.put("outcome", outcome.skipped() ? "skipped" : outcome.completed() ? "completed" : "failed");
            if (outcome.document() != null) {
                file.put("documentId", outcome.document().id());
                file.put("status", outcome.document().status().name());
                file.put("pages", outcome.document().pageCount());
            }
            String reason = outcome.reason();
            if (reason != null) {
                file.put("reason", reason);
            }
        }
        json.print(out, root);
    }
}
