package io.docchat.evaluation.bench;

import io.docchat.core.DocChat;
import io.docchat.core.answer.ExtractiveAnswerModel;
import io.docchat.core.answer.PreviousExtractiveAnswerModel;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.model.Account;
import io.docchat.core.model.Folder;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.PromptPassage;
import io.docchat.evaluation.Latencies;
import io.docchat.evaluation.QaSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Times the extractive answer stage of the current and the previous model on the same prompts in one run, taking
 * turns on every prompt (so both see the same machine load), and prints their percentiles. Prompts are the first five
 * passages the in-memory engine retrieves for each question of the sets. Not a unit test.
 *
 * <pre>
 * java -cp ... io.docchat.evaluation.bench.AnswerLatencyBench SAMPLE ROUNDS DIR...
 * </pre>
 */
public final class AnswerLatencyBench {

    public static void main(String[] args) throws Exception {
        int sample = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<AnswerPrompt> prompts = new ArrayList<>();
        try (DocChat docChat = DocChat.builder().build()) {
            for (int a = 2; a < args.length; a++) {
                Path dir = Path.of(args[a]);
                QaSet set = QaSet.load(dir.getFileName().toString(), dir.resolve("passages.jsonl"),
                        dir.resolve("questions.jsonl"));
                Folder folder = docChat.folders().ensurePath(Account.LOCAL, set.name());
                List<Long> ids = new ArrayList<>();
                for (QaSet.Passage p : set.passages()) {
                    ids.add(docChat.documents().submit(Account.LOCAL, folder.id(), p.pid() + ".txt",
                            p.text().getBytes(StandardCharsets.UTF_8)).id());
                }
                for (long id : ids) {
                    docChat.documents().awaitProcessed(Account.LOCAL, id, Duration.ofMinutes(1));
                }
                for (QaSet.Question q : set.sample(sample, 42)) {
                    List<PromptPassage> passages = new ArrayList<>();
                    for (RetrievedPassage h : docChat.retrieval().search(Account.LOCAL,
                            new RetrievalRequest(q.question(), Set.of(folder.id()), Set.of(), 5))) {
                        passages.add(new PromptPassage(passages.size() + 1, h.passage(), h.document().fileName()));
                    }
                    prompts.add(new AnswerPrompt(q.question(), q.question(), List.of(), passages));
                }
            }
        }
        AnswerModel current = new ExtractiveAnswerModel();
        AnswerModel previous = new PreviousExtractiveAnswerModel();
        // Warm both up on every prompt before measuring.
        for (AnswerPrompt p : prompts) {
            drain(current, p);
            drain(previous, p);
        }
        long[] bestNow = new long[prompts.size()];
        long[] bestBefore = new long[prompts.size()];
        java.util.Arrays.fill(bestNow, Long.MAX_VALUE);
        java.util.Arrays.fill(bestBefore, Long.MAX_VALUE);
        Latencies now = new Latencies();
        Latencies before = new Latencies();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < prompts.size(); i++) {
                AnswerPrompt p = prompts.get(i);
                long c;
                long b;
                if ((i + r) % 2 == 0) {
                    c = drain(current, p);
                    b = drain(previous, p);
                } else {
                    b = drain(previous, p);
                    c = drain(current, p);
                }
                now.add(c);
                before.add(b);
                bestNow[i] = Math.min(bestNow[i], c);
                bestBefore[i] = Math.min(bestBefore[i], b);
            }
        }
        // On a shared machine a single timing may include being descheduled; the fastest of the rounds is the work.
        Latencies minNow = new Latencies();
        Latencies minBefore = new Latencies();
        Latencies added = new Latencies();
        for (int i = 0; i < prompts.size(); i++) {
            minNow.add(bestNow[i]);
            minBefore.add(bestBefore[i]);
            added.add(Math.max(0, bestNow[i] - bestBefore[i]));
        }
        System.out.printf(Locale.ROOT, "%d prompts x %d rounds, answer stage in ms%n", prompts.size(), rounds);
        System.out.printf(Locale.ROOT, "%-9s %8s %8s %8s%n", "model", "p50", "p95", "p99");
        row("previous", before);
        row("current", now);
        System.out.println("fastest of the rounds per prompt:");
        row("previous", minBefore);
        row("current", minNow);
        row("added", added);
    }

    private static void row(String name, Latencies l) {
        System.out.printf(Locale.ROOT, "%-9s %8.3f %8.3f %8.3f%n", name, l.percentileMillis(50), l.percentileMillis(95),
                l.percentileMillis(99));
    }

    private static long drain(AnswerModel model, AnswerPrompt prompt) {
        long start = System.nanoTime();
        try (AnswerStream stream = model.answer(prompt)) {
            while (stream.nextDelta() != null) {
                // the time to the last delta is the time of the answer
            }
        }
        return System.nanoTime() - start;
    }
}
