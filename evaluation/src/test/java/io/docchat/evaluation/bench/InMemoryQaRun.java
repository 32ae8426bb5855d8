package io.docchat.evaluation.bench;

import io.docchat.core.DocChat;
import io.docchat.core.answer.ExtractiveAnswerModel;
import io.docchat.core.model.Account;
import io.docchat.evaluation.QaEvaluation;
import io.docchat.evaluation.QaReport;
import io.docchat.evaluation.QaReportWriter;
import io.docchat.evaluation.QaSet;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A quick {@code eval qa} over the in-memory engine (brute-force BM25 instead of Lucene, no database), for trying
 * answer-stage changes in seconds. Not a unit test; the figures that count come from {@code docchat eval qa}.
 *
 * <pre>
 * java -cp ... io.docchat.evaluation.bench.InMemoryQaRun SAMPLE THRESHOLD EVIDENCE_TSV [--off-topic] DIR...
 * </pre>
 */
public final class InMemoryQaRun {

    public static void main(String[] args) throws Exception {
        int sample = Integer.parseInt(args[0]);
        double threshold = Double.parseDouble(args[1]);
        Path evidence = Path.of(args[2]);
        boolean offTopic = false;
        List<QaSet> sets = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--off-topic")) {
                offTopic = true;
                continue;
            }
            Path dir = Path.of(args[i]);
            sets.add(QaSet.load(dir.getFileName().toString(), dir.resolve("passages.jsonl"), dir.resolve("questions.jsonl")));
        }
        try (DocChat docChat = DocChat.builder().answerModel(new ExtractiveAnswerModel(threshold)).build();
                Writer out = Files.newBufferedWriter(evidence)) {
            QaReport report = new QaEvaluation(docChat, Account.LOCAL, m -> { })
                    .run(sets, new QaEvaluation.Options(sample, 42, offTopic, out));
            QaReportWriter.table(new PrintWriter(System.out, true), report);
        }
    }
}
