package io.docchat.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Prints a {@link QaReport} as a table for people or as JSON for programs. */
public final class QaReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private QaReportWriter() {}

    /** The report as a table: per set its ranks, refusals, answer precision and latency. */
    public static void table(PrintWriter out, QaReport report) {
        out.printf(Locale.ROOT, "QA evaluation%s: %d sets, ingested in %.1f s, embedded %.1f s later%s%n",
                report.offTopic() ? " (off-topic: each set's questions asked of its own and of the next set's"
                        + " knowledge base)" : "",
                report.sets().size(), report.ingestSeconds(), report.embedSeconds(), report.sample() > 0
                        ? String.format(Locale.ROOT, " (sample %d per set, seed %d)", report.sample(), report.seed()) : "");
        for (SetScores s : report.sets()) {
            out.printf(Locale.ROOT, "%n%s: %d passages, %d questions (%d answerable, %d unanswerable)%n",
                    s.name(), s.passages(), s.questions(), s.answerable(), s.unanswerable());
            out.printf(Locale.ROOT, "  refused: %.3f of answerable (%d), %.3f of unanswerable (%d)%n",
                    s.refusedAnswerableRate(), s.refusedAnswerable(), s.refusedUnanswerableRate(), s.refusedUnanswerable());
            if (s.answerable() > 0) {
                out.printf(Locale.ROOT, "  %-9s %6s %6s %6s %7s %7s %8s%n", "ranked", "R@1", "R@5", "hit@10", "MRR@10",
                        "nDCG@10", "Recall@10");
                rank(out, "cited", s.cited());
                rank(out, "retrieved", s.retrieved());
            }
            if (s.withGoldSpans() > 0) {
                out.printf(Locale.ROOT, "  answer: contains a gold span %.3f, F1 %.3f (over %d questions with spans)%n",
                        s.spanRate(), s.meanF1(), s.withGoldSpans());
            }
            out.printf(Locale.ROOT, "  latency ms  %7s %7s %7s%n", "p50", "p95", "p99");
            latency(out, "plan", s.plan());
            latency(out, "retrieve", s.retrieve());
            latency(out, "answer", s.answer());
            latency(out, "total", s.total());
            if (s.failedPassages() > 0 || s.errors() > 0) {
                out.printf(Locale.ROOT, "  %d passages failed to ingest, %d questions failed with an error%n",
                        s.failedPassages(), s.errors());
            }
        }
        out.println();
        out.println("ranked: the relevant passages among the answer's cited documents and among the first ten retrieved;"
                + " refused: answers \"No related content found.\"; F1: token F1 (Chinese: character F1), refusals 0.");
        out.flush();
    }

    private static void rank(PrintWriter out, String label, RankMetrics m) {
        out.printf(Locale.ROOT, "  %-9s %6.3f %6.3f %6.3f %7.3f %7.3f %8.3f%n", label, m.recallAt1(), m.recallAt5(),
                m.hitAt10(), m.mrrAt10(), m.ndcgAt10(), m.recallAt10());
    }

    private static void latency(PrintWriter out, String stage, Latencies l) {
        out.printf(Locale.ROOT, "    %-9s %7.2f %7.2f %7.2f%n", stage, l.percentileMillis(50), l.percentileMillis(95),
                l.percentileMillis(99));
    }

    /** The report as JSON. */
    public static void json(PrintWriter out, QaReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("sample", report.sample());
        root.put("seed", report.seed());
        root.put("offTopic", report.offTopic());
        root.put("ingestSeconds", report.ingestSeconds());
        root.put("embedSeconds", report.embedSeconds());
        ArrayNode array = root.putArray("sets");
        for (SetScores s : report.sets()) {
            ObjectNode set = array.addObject();
            set.put("name", s.name());
            set.put("passages", s.passages());
            set.put("failedPassages", s.failedPassages());
            set.put("questions", s.questions());
            set.put("answerable", s.answerable());
            set.put("unanswerable", s.unanswerable());
            set.put("refused", s.refusedAnswerable() + s.refusedUnanswerable());
            set.put("refusedAnswerable", s.refusedAnswerable());
            set.put("refusedUnanswerable", s.refusedUnanswerable());
            set.put("refusedAnswerableRate", s.refusedAnswerableRate());
            set.put("refusedUnanswerableRate", s.refusedUnanswerableRate());
            set.put("errors", s.errors());
            set.set("cited", ranks(s.cited()));
            set.set("retrieved", ranks(s.retrieved()));
            set.put("questionsWithGoldSpans", s.withGoldSpans());
            set.put("answerContainsGoldSpan", s.spanRate());
            set.put("answerF1", s.meanF1());
            ObjectNode latency = set.putObject("latencyMillis");
            latency.set("plan", percentiles(s.plan()));
            latency.set("retrieve", percentiles(s.retrieve()));
            latency.set("answer", percentiles(s.answer()));
            latency.set("total", percentiles(s.total()));
        }
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static ObjectNode ranks(RankMetrics m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("recallAt1", m.recallAt1());
        node.put("recallAt5", m.recallAt5());
        node.put("hitAt10", m.hitAt10());
        node.put("mrrAt10", m.mrrAt10());
        node.put("ndcgAt10", m.ndcgAt10());
        node.put("recallAt10", m.recallAt10());
        return node;
    }

    private static ObjectNode percentiles(Latencies l) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("p50", l.percentileMillis(50));
        node.put("p95", l.percentileMillis(95));
        node.put("p99", l.percentileMillis(99));
        return node;
    }
}
