package io.docchat.core.engine;

import io.docchat.core.DocChat;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Citation;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.text.JsonLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures the embedded engine with its offline defaults on a QA set of the evaluation data ({@code passages.jsonl},
 * {@code questions.jsonl}; one passage per document): ingestion throughput, answer latency, how often the gold
 * passage's document is cited, and how often the answer contains a gold span. A program, not a test:
 *
 * <pre>
 * java -cp CLASSPATH io.docchat.core.engine.EngineBenchmark ../shared/eval/squad-v1.1 1000
 * </pre>
 */
public final class EngineBenchmark {
    private static final String ME = "bench";

    private EngineBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: EngineBenchmark <qa-set folder> [questions]");
        }
        Path set = Path.of(args[0]);
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<String> passageLines = Files.readAllLines(set.resolve("passages.jsonl"), StandardCharsets.UTF_8);
        List<String> questionLines = Files.readAllLines(set.resolve("questions.jsonl"), StandardCharsets.UTF_8);

        try (DocChat docChat = DocChat.builder().build()) {
            Folder folder = docChat.folders().create(ME, null, "corpus");
            Map<Long, String> pidByDocument = new HashMap<>();
            long ingestStart = System.nanoTime();
            List<Document> submitted = new ArrayList<>(passageLines.size());
            for (String line : passageLines) {
                Map<String, Object> passage = JsonLines.object(line);
                String pid = (String) passage.get("pid");
                String text = (String) passage.get("text");
                Document document = docChat.documents().submit(ME, folder.id(), pid + ".txt",
                        text.getBytes(StandardCharsets.UTF_8));
                pidByDocument.put(document.id(), pid);
                submitted.add(document);
            }
            int failed = 0;
            for (Document document : submitted) {
                if (docChat.documents().awaitProcessed(ME, document.id(), Duration.ofMinutes(5)).status()
                        != DocumentStatus.PARSING_COMPLETED) {
                    failed++;
                }
            }
            double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;

            int asked = 0;
            int citedFirst = 0;
            int citedAny = 0;
            int containsGold = 0;
            int retrievedFirst = 0;
            int retrievedTop5 = 0;
            long[] latencies = new long[Math.min(limit, questionLines.size())];
            String sessionId = docChat.sessions().create(ME, folder.id(), "bench", null).id();
            for (String line : questionLines) {
                if (asked == latencies.length) {
                    break;
                }
                Map<String, Object> record = JsonLines.object(line);
                String question = (String) record.get("question");
                String gold = (String) record.get("pid");
                List<String> answers = ((List<?>) record.get("answers")).stream().map(String::valueOf).toList();
                // A fresh session per question keeps follow-up planning out of a one-shot QA measurement.
                docChat.sessions().delete(ME, sessionId);
                sessionId = docChat.sessions().create(ME, folder.id(), "bench", null).id();
                long start = System.nanoTime();
                ChatItem item = docChat.chat().ask(ME, new ChatRequest(sessionId, question));
                latencies[asked++] = System.nanoTime() - start;
                List<String> cited = item.citations().stream().map(Citation::documentId).map(pidByDocument::get).toList();
                if (!cited.isEmpty() && cited.get(0).equals(gold)) {
                    citedFirst++;
                }
                if (cited.contains(gold)) {
                    citedAny++;
                }
                if (answers.stream().anyMatch(answer -> normalized(item.answer()).contains(normalized(answer)))) {
                    containsGold++;
                }
                List<RetrievedPassage> hits = docChat.retrieval().search(ME,
                        new RetrievalRequest(question, Set.of(folder.id()), Set.of(), 5));
                List<String> hitPids = hits.stream().map(h -> pidByDocument.get(h.document().id())).distinct().toList();
                if (!hitPids.isEmpty() && hitPids.get(0).equals(gold)) {
                    retrievedFirst++;
                }
                if (hitPids.contains(gold)) {
                    retrievedTop5++;
                }
            }
            Arrays.sort(latencies, 0, asked);
            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.ROOT, "passages %d ingested in %.1f s (%.0f documents/s), %d failed%n",
                    passageLines.size(), ingestSeconds, passageLines.size() / ingestSeconds, failed));
            report.append(String.format(Locale.ROOT, "questions %d: ask latency p50 %.2f ms, p95 %.2f ms%n", asked,
                    latencies[asked / 2] / 1e6, latencies[(int) (asked * 0.95)] / 1e6));
            report.append(String.format(Locale.ROOT,
                    "gold document cited first %.3f, cited at all %.3f; answer contains a gold span %.3f%n",
                    citedFirst / (double) asked, citedAny / (double) asked, containsGold / (double) asked));
            report.append(String.format(Locale.ROOT, "retrieval recall@1 %.3f, recall@5 %.3f%n",
                    retrievedFirst / (double) asked, retrievedTop5 / (double) asked));
            System.out.print(report);
        }
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
