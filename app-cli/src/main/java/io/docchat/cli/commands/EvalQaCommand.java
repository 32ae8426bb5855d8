package io.docchat.cli.commands;

import io.docchat.cli.Backend;
import io.docchat.cli.CliException;
import io.docchat.cli.DocChatCli;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.ModelSettings;
import io.docchat.cli.Terminal;
import io.docchat.evaluation.QaEvaluation;
import io.docchat.evaluation.QaReport;
import io.docchat.evaluation.QaReportWriter;
import io.docchat.evaluation.QaSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code docchat eval qa}: the options of a {@link QaEvaluation} run in a fresh temporary data directory, and its
 * report printed.
 */
@Command(name = "qa", mixinStandardHelpOptions = true,
        description = {
            "Evaluate question answering on sets of passages.jsonl and questions.jsonl.",
            "Several --passages/--questions pairs are loaded into one knowledge base and reported per set;",
            "unanswerable questions (is_impossible) are scored by how often they are refused."
        })
public final class EvalQaCommand extends BackendCommand {

    @ParentCommand
    private EvalCommand eval;

    @Option(names = "--passages", required = true, paramLabel = "FILE", description = "passages.jsonl (repeatable).")
    List<Path> passages;

    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "questions.jsonl, one per --passages.")
    List<Path> questions;

    @Option(names = "--sample", defaultValue = "0", paramLabel = "N",
            description = "Ask N questions per set drawn at random (default: all).")
    int sample;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--off-topic", description = {
        "Keep each set in its own knowledge base and ask its questions of it, then of the next set's (the",
        "last set's of the first): every question is unanswerable there, and the refusal rate is what counts."})
    boolean offTopic;

    @Option(names = "--evidence", paramLabel = "FILE", description = {
        "Write per question the evidence score the extractive model's refusal decides on (tab-separated),",
        "to calibrate answer.refusalThreshold."})
    Path evidence;

    @Option(names = "--vector-cache", paramLabel = "DIR", description = {
        "Keep every vector computed in DIR (keyed by embedding model and text) and reuse it in later runs,",
        "so that a second run over the same sets embeds nothing."})
    Path vectorCache;

    @Option(names = "--keep", description = "Keep the temporary data directory (its path is printed).")
    boolean keep;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    DocChatCli root() {
        return eval.root();
    }

    @Override
    public Integer call() throws Exception {
        if (passages.size() != questions.size()) {
            throw CliException.usage("give one --questions file per --passages file (got " + passages.size() + " and "
                    + questions.size() + ")");
        }
        if (offTopic && passages.size() < 2) {
            throw CliException.usage("--off-topic needs two or more --passages/--questions pairs");
        }
        try (TempHome temp = new TempHome(keep); Backend backend = root().openBackend(temp.home(), vectorCache == null
                ? root().modelSettings()
                : root().modelSettings().with(ModelSettings.EMBEDDING_CACHE, vectorCache.toAbsolutePath().toString()))) {
            if (keep) {
                terminal().err().println("data directory: " + temp.home().root());
            }
            return run(backend);
        }
    }

    @Override
    int run(Backend backend) throws InterruptedException {
        Terminal terminal = terminal();
        List<QaSet> sets = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            sets.add(load(uniqueName(passages.get(i), names), passages.get(i), questions.get(i)));
        }
        QaEvaluation evaluation = new QaEvaluation(backend.docChat(), ACCOUNT, message -> {
            if (terminal.interactive()) {
                terminal.err().println(terminal.dim(message));
                terminal.err().flush();
            }
        });
        QaReport report;
        try (Writer evidenceOut = evidence == null ? null : Files.newBufferedWriter(evidence, StandardCharsets.UTF_8)) {
            report = evaluation.run(sets, new QaEvaluation.Options(sample, seed, offTopic, evidenceOut));
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot write " + evidence + ": " + e.getMessage());
        }
        if (json) {
            QaReportWriter.json(terminal.out(), report);
        } else {
            QaReportWriter.table(terminal.out(), report);
        }
        return ExitCodes.OK;
    }

    private static QaSet load(String name, Path passagesFile, Path questionsFile) {
        try {
            return QaSet.load(name, passagesFile, questionsFile);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCodes.NOT_FOUND, e.getMessage());
        }
    }

    private static String uniqueName(Path passagesFile, Set<String> taken) {
        Path parent = passagesFile.toAbsolutePath().getParent();
        String base = parent == null || parent.getFileName() == null ? "set" : parent.getFileName().toString();
        String name = base.replaceAll("[^A-Za-z0-9._-]", "_");
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
