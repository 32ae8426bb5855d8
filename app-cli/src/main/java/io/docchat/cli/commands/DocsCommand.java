package io.docchat.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.docchat.cli.Backend;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.Terminal;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docchat docs}: documents with their status, page count and any error. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "List documents with their status, pages and, for failed ones, the reason.")
public final class DocsCommand extends TopLevelCommand {

    @Option(names = {"-f", "--folder"}, paramLabel = "PATH", description = "Only documents directly in this folder.")
    String folder;

    @Option(names = "--failed", description = "Only documents whose parsing failed.")
    boolean failedOnly;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    int run(Backend backend) {
        Terminal terminal = terminal();
        FolderPaths paths = FolderPaths.of(backend.docChat().folders().tree(ACCOUNT));
        String folderId = folder == null ? null : Scopes.folder(backend.docChat(), ACCOUNT, folder).id();
        List<Document> documents = new ArrayList<>();
        for (int page = 1; ; page++) {
            ResultPage<Document> result = backend.docChat().documents()
                    .list(ACCOUNT, folderId, new PageRequest(page, PageRequest.MAX_SIZE));
            for (Document document : result.items()) {
                if (!failedOnly || document.status() == DocumentStatus.PARSING_FAILED) {
                    documents.add(document);
                }
            }
            if (page >= result.totalPages()) {
                break;
            }
        }
        if (json) {
            Json out = new Json();
            ArrayNode array = out.array();
            documents.forEach(d -> array.add(out.document(d, paths.pathOf(d.folderId()))));
            out.print(terminal.out(), array);
            return ExitCodes.OK;
        }
        if (documents.isEmpty()) {
            terminal.out().println("No documents.");
        }
        for (Document document : documents) {
            String status = switch (document.status()) {
                case PARSING_COMPLETED -> terminal.green("ready  ");
                case PARSING_FAILED -> terminal.red("failed ");
                case PARSING -> terminal.yellow("parsing");
                case PENDING -> terminal.yellow("pending");
            };
            StringBuilder line = new StringBuilder()
                    .append(String.format("%6d  ", document.id()))
                    .append(status).append("  ")
                    .append(Terminal.printable(paths.pathOf(document.folderId()) + '/' + document.fileName()))
                    .append(terminal.dim("  " + document.pageCount() + " pages"));
            if (document.errorMessage() != null) {
                line.append("  ").append(terminal.red(Terminal.printable(document.errorMessage())));
            }
            if (!document.warnings().isEmpty()) {
                line.append("  ").append(terminal.yellow(String.join("; ", document.warnings())));
            }
            terminal.out().println(line);
        }
        terminal.out().flush();
        return ExitCodes.OK;
    }
}
