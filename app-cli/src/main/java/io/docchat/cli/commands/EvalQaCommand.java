package io.docchat.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docchat.cli.Backend;
import io.docchat.cli.CliException;
import io.docchat.cli.DocChatCli;
import io.docchat.cli.ExitCodes;
import io.docchat.cli.Terminal;
import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.api.ChatEvent;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.ChatStream;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.api.StageTimings;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Citation;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Session;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code docchat eval qa}: loads QA sets into one fresh knowledge base (one text document per passage, named after its
 * pid), asks every question (or a seeded sample) in a new session, and reports per set how often and how high the gold
 * passage is cited and retrieved, how often the answer contains a gold span, and latency by stage.
 */
@Command(name = "qa", mixinStandardHelpOptions = true,
        description = {
            "Evaluate question answering on sets of passages.jsonl and questions.jsonl.",
            "Several --passages/--questions pairs are loaded into one knowledge base and reported per set."
        })
public final class EvalQaCommand extends BackendCommand {
    private static final int SUBMIT_BATCH = 2_000;
    private static final int TOP_K = 10;

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

    @Option(names = "--keep", description = "Keep the temporary data directory (its path is printed).")
    boolean keep;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    /** Per set: ranks of the gold passage, span matches and latencies. */
    private static final class SetReport {
        final String name;
        int passages;
        int failedPassages;
        final RankMetrics cited = new RankMetrics();
        final RankMetrics retrieved = new RankMetrics();
        int spanHits;
        int answered;
        int noAnswer;
        int errors;
        final Latencies plan = new Latencies();
        final Latencies retrieve = new Latencies();
        final Latencies answer = new Latencies();
        final Latencies total = new Latencies();

        SetReport(String name) {
            this.name = name;
        }
    }

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
        try (TempHome temp = new TempHome(keep); Backend backend = root().openBackend(temp.home())) {
            if (keep) {
                terminal().err().println("data directory: " + temp.home().root());
            }
            return run(backend);
        }
    }

    @Override
    int run(Backend backend) throws InterruptedException {
        Terminal terminal = terminal();
        Json out = new Json();
        List<QaSet> sets = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            String name = uniqueName(passages.get(i), names);
            sets.add(QaSet.load(name, passages.get(i), questions.get(i), out.mapper()));
        }
        DocChat docChat = backend.docChat();
        Folder root = docChat.folders().ensurePath(ACCOUNT, "eval");
        Map<Long, Set<String>> goldKeysByDocument = new HashMap<>();
        List<SetReport> reports = new ArrayList<>();
        long ingestStart = System.nanoTime();
        for (QaSet set : sets) {
            SetReport report = new SetReport(set.name());
            reports.add(report);
            ingest(docChat, set, report, goldKeysByDocument);
        }
        double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;
        progress(terminal, String.format(Locale.ROOT, "ingested %d passages in %.1f s", 
                reports.stream().mapToInt(r -> r.passages).sum(), ingestSeconds));

        for (int s = 0; s < sets.size(); s++) {
            QaSet set = sets.get(s);
            SetReport report = reports.get(s);
            List<QaSet.Question> asked = set.sample(sample, seed);
            int done = 0;
            for (QaSet.Question question : asked) {
                evaluate(docChat, root, set.name() + ":" + question.pid(), question, report, goldKeysByDocument);
                if (++done % 100 == 0) {
                    progress(terminal, set.name() + ": " + done + "/" + asked.size() + " questions");
                }
            }
        }
        if (json) {
            printJson(terminal.out(), out, reports, ingestSeconds);
        } else {
            printTable(terminal.out(), reports, ingestSeconds);
        }
        return ExitCodes.OK;
    }

    private void ingest(DocChat docChat, QaSet set, SetReport report, Map<Long, Set<String>> goldKeys)
            throws InterruptedException {
        Folder folder = docChat.folders().ensurePath(ACCOUNT, "eval/" + set.name());
        List<Long> batch = new ArrayList<>();
        for (QaSet.Passage passage : set.passages()) {
            Document document;
            try {
                document = docChat.documents().submit(ACCOUNT, folder.id(), passage.pid() + ".txt",
                        passage.text().getBytes(StandardCharsets.UTF_8));
            } catch (DocChatException e) {
                report.failedPassages++;
                continue;
            }
            report.passages++;
            goldKeys.computeIfAbsent(document.id(), id -> new LinkedHashSet<>()).add(set.name() + ":" + passage.pid());
            batch.add(document.id());
            if (batch.size() >= SUBMIT_BATCH) {
                awaitAll(docChat, batch, report);
            }
        }
        awaitAll(docChat, batch, report);
    }

    private void awaitAll(DocChat docChat, List<Long> documentIds, SetReport report) throws InterruptedException {
        for (long id : documentIds) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Document document = docChat.documents().awaitProcessed(ACCOUNT, id, Duration.ofMinutes(5));
            if (document.status() != DocumentStatus.PARSING_COMPLETED) {
                report.failedPassages++;
            }
        }
        progress(terminal(), report.name + ": " + report.passages + " passages ingested");
        documentIds.clear();
    }

    private void evaluate(DocChat docChat, Folder root, String goldKey, QaSet.Question question, SetReport report,
            Map<Long, Set<String>> goldKeys) {
        Session session = docChat.sessions().create(ACCOUNT, root.id(), "eval " + question.qid(), null);
        long start = System.nanoTime();
        ChatItem item = null;
        StageTimings timings = null;
        try (ChatStream stream = docChat.chat().stream(ACCOUNT, new ChatRequest(session.id(), question.question()))) {
            while (stream.hasNext()) {
                ChatEvent event = stream.next();
                if (event instanceof ChatEvent.Completed completed) {
                    item = completed.item();
                    timings = completed.timings();
                } else if (event instanceof ChatEvent.Failed failed) {
                    item = failed.item();
                } else if (event instanceof ChatEvent.Interrupted interrupted) {
                    item = interrupted.item();
                }
            }
        } catch (DocChatException e) {
            report.errors++;
        }
        long elapsed = System.nanoTime() - start;
        if (item == null) {
            report.cited.add(0);
        } else {
            List<Long> citedDocuments = new ArrayList<>();
            for (Citation citation : item.citations()) {
                if (!citedDocuments.contains(citation.documentId())) {
                    citedDocuments.add(citation.documentId());
                }
            }
            report.cited.add(rankOf(goldKey, citedDocuments, goldKeys));
            report.answered++;
            if (ChatItem.NO_RELATED_CONTENT.equals(item.answer())) {
                report.noAnswer++;
            }
            if (TextMatch.containsAny(item.answer(), question.answers())) {
                report.spanHits++;
            }
        }
        if (timings != null) {
            report.plan.add(timings.planNanos());
            report.retrieve.add(timings.retrieveNanos());
            report.answer.add(timings.answerNanos());
            report.total.add(elapsed);
        }
        List<Long> retrievedDocuments = new ArrayList<>();
        for (RetrievedPassage passage : docChat.retrieval().search(ACCOUNT,
                new RetrievalRequest(question.question(), Set.of(root.id()), Set.of(), TOP_K))) {
            if (!retrievedDocuments.contains(passage.document().id())) {
                retrievedDocuments.add(passage.document().id());
            }
        }
        report.retrieved.add(rankOf(goldKey, retrievedDocuments, goldKeys));
    }

    private static int rankOf(String goldKey, List<Long> documents, Map<Long, Set<String>> goldKeys) {
        for (int i = 0; i < documents.size(); i++) {
            if (goldKeys.getOrDefault(documents.get(i), Set.of()).contains(goldKey)) {
                return i + 1;
            }
        }
        return 0;
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

    private void progress(Terminal terminal, String message) {
        if (terminal.interactive()) {
            terminal.err().println(terminal.dim(message));
            terminal.err().flush();
        }
    }

    private void printTable(PrintWriter out, List<SetReport> reports, double ingestSeconds) {
        out.printf(Locale.ROOT, "QA evaluation: %d sets in one knowledge base, ingested in %.1f s%s%n", reports.size(),
                ingestSeconds, sample > 0 ? String.format(Locale.ROOT, " (sample %d per set, seed %d)", sample, seed) : "");
        out.printf(Locale.ROOT, "%-16s %7s %9s  %-8s %6s %6s %6s %7s  %7s  %-9s %7s %7s %7s%n",
                "set", "passages", "questions", "ranked", "R@1", "R@5", "R@10", "MRR@10", "span", "latency", "p50", "p95", "p99");
        for (SetReport r : reports) {
            for (int row = 0; row < 4; row++) {
                String[] stage = {"plan", "retrieve", "answer", "total"};
                Latencies latency = new Latencies[] {r.plan, r.retrieve, r.answer, r.total}[row];
                String left;
                if (row == 0 || row == 1) {
                    RankMetrics m = row == 0 ? r.cited : r.retrieved;
                    left = String.format(Locale.ROOT, "%-16s %7s %9s  %-8s %6.3f %6.3f %6.3f %7.3f  %7s",
                            row == 0 ? r.name : "", row == 0 ? String.valueOf(r.passages) : "",
                            row == 0 ? String.valueOf(r.cited.questions()) : "", row == 0 ? "cited" : "retrieved",
                            m.recallAt1(), m.recallAt5(), m.recallAt10(), m.mrrAt10(),
                            row == 0 ? String.format(Locale.ROOT, "%.3f", spanRate(r)) : "");
                } else {
                    left = String.format(Locale.ROOT, "%-16s %7s %9s  %-8s %6s %6s %6s %7s  %7s", "", "", "", "", "", "", "", "", "");
                }
                out.printf(Locale.ROOT, "%s  %-9s %7.1f %7.1f %7.1f%n", left, stage[row],
                        latency.percentileMillis(50), latency.percentileMillis(95), latency.percentileMillis(99));
            }
            if (r.failedPassages > 0 || r.errors > 0) {
                out.printf(Locale.ROOT, "%-16s %d passages failed to ingest, %d questions refused%n", "", r.failedPassages, r.errors);
            }
        }
        out.println("ranked: position of the gold passage among the answer's cited documents and among the top "
                + TOP_K + " retrieved; span: answers containing a gold answer; latency in ms.");
        out.flush();
    }

    private static double spanRate(SetReport r) {
        return r.cited.questions() == 0 ? 0 : (double) r.spanHits / r.cited.questions();
    }

    private void printJson(PrintWriter out, Json json, List<SetReport> reports, double ingestSeconds) {
        ObjectNode root = json.object();
        root.put("sample", sample);
        root.put("seed", seed);
        root.put("ingestSeconds", ingestSeconds);
        ArrayNode array = root.putArray("sets");
        for (SetReport r : reports) {
            ObjectNode set = array.addObject();
            set.put("name", r.name);
            set.put("passages", r.passages);
            set.put("failedPassages", r.failedPassages);
            set.put("questions", r.cited.questions());
            set.put("refused", r.errors);
            set.put("noRelatedContent", r.noAnswer);
            set.set("cited", ranks(json, r.cited));
            set.set("retrieved", ranks(json, r.retrieved));
            set.put("answerContainsGoldSpan", spanRate(r));
            ObjectNode latency = set.putObject("latencyMillis");
            latency.set("plan", percentiles(json, r.plan));
            latency.set("retrieve", percentiles(json, r.retrieve));
            latency.set("answer", percentiles(json, r.answer));
            latency.set("total", percentiles(json, r.total));
        }
        json.print(out, root);
    }

    private static ObjectNode ranks(Json json, RankMetrics metrics) {
        ObjectNode node = json.object();
        node.put("recallAt1", metrics.recallAt1());
        node.put("recallAt5", metrics.recallAt5());
        node.put("recallAt10", metrics.recallAt10());
        node.put("mrrAt10", metrics.mrrAt10());
        return node;
    }

    private static ObjectNode percentiles(Json json, Latencies latencies) {
        ObjectNode node = json.object();
        node.put("p50", latencies.percentileMillis(50));
        node.put("p95", latencies.percentileMillis(95));
        node.put("p99", latencies.percentileMillis(99));
        return node;
    }
}
