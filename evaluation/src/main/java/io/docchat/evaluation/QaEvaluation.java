package io.docchat.evaluation;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.answer.Evidence;
import io.docchat.core.answer.ExtractiveAnswerModel;
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
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.PromptPassage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Measures question answering through the {@link DocChat} facade: loads QA sets into the knowledge base (one text
 * document per passage, named after its pid, one folder per set), asks every question (or a seeded sample) in a new
 * session, and scores per set the ranks of the relevant passages among the answer's citations and among the
 * retrieved passages, refusals of answerable and unanswerable questions separately, how often the answer contains a
 * gold span and how precisely it matches one (F1), and latency by stage.
 *
 * <p>Off-topic mode keeps each set in its own knowledge base (its folder) and asks each set's questions of it and
 * then of the next set's (the last set's of the first): every question asked across is unanswerable, and the refusal
 * rate is what counts. Otherwise every question is asked of all the sets together.
 */
public final class QaEvaluation {
    private static final int SUBMIT_BATCH = 2_000;
    private static final int TOP_K = 10;
    private static final int PROMPT_PASSAGES = 5;
    private static final Duration EMBEDDING_PROGRESS_EVERY = Duration.ofSeconds(30);

    /**
     * @param sample   questions per set drawn at random (0 for all)
     * @param seed     the seed of the sample
     * @param offTopic ask each set's questions of its own knowledge base and of the next set's
     * @param evidence where to write, per question, the evidence the extractive model's refusal decides on (over the
     *                 first passages retrieved) as tab-separated values, for calibrating the refusal threshold; null
     *                 for none
     */
    public record Options(int sample, long seed, boolean offTopic, Writer evidence) {}

    private final DocChat docChat;
    private final String account;
    private final Consumer<String> progress;
    private final ExtractiveAnswerModel gauge = new ExtractiveAnswerModel();

    /**
     * @param docChat  a knowledge base to fill (an empty one: its folder {@code eval} is used)
     * @param account  the account to work in
     * @param progress told what is being done, now and then
     */
    public QaEvaluation(DocChat docChat, String account, Consumer<String> progress) {
        this.docChat = docChat;
        this.account = account;
        this.progress = progress;
    }

    /** Ingests the sets, asks their questions and scores the answers. */
    public QaReport run(List<QaSet> sets, Options options) throws InterruptedException {
        if (options.offTopic() && sets.size() < 2) {
            throw new IllegalArgumentException("off-topic evaluation needs at least two sets");
        }
        Folder root = docChat.folders().ensurePath(account, "eval");
        Map<Long, String> keyOfDocument = new HashMap<>();
        List<Folder> folders = new ArrayList<>();
        List<SetScores> ingested = new ArrayList<>();
        long ingestStart = System.nanoTime();
        for (QaSet set : sets) {
            SetScores scores = new SetScores(set.name());
            folders.add(ingest(set, scores, keyOfDocument));
            ingested.add(scores);
        }
        double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;
        progress.accept(String.format(Locale.ROOT, "ingested %d passages in %.1f s",
                ingested.stream().mapToInt(SetScores::passages).sum(), ingestSeconds));
        // Questions are asked of the knowledge base as a user finds it once ingestion is over: searchable by words at
        // once, by meaning when every vector is computed.
        long embedStart = System.nanoTime();
        while (!docChat.retrieval().awaitEmbedded(EMBEDDING_PROGRESS_EVERY)) {
            progress.accept(String.format(Locale.ROOT, "embedding passages (%.0f s so far)",
                    (System.nanoTime() - embedStart) / 1e9));
        }
        double embedSeconds = (System.nanoTime() - embedStart) / 1e9;
        if (options.evidence() != null) {
            write(options.evidence(), "set\tqid\timpossible\tretrievedRank\tsentenceCoverage\tpassageCoverage"
                    + "\tsimilarity\tscore\ttop1\ttop2\ttop10\ttopLexical\ttopSimilarity"
                    + "\tsimilarity1\tsimilarity2\tsimilarity3\tsimilarity4\tsimilarity5\tsimilarity10"
                    + "\trefused\tbackground\n");
        }
        List<SetScores> reports = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            QaSet set = sets.get(s);
            List<QaSet.Question> asked = set.sample(options.sample(), options.seed());
            // Off-topic mode keeps the sets apart: each is asked of its own folder, then of the next set's.
            SetScores own = ingested.get(s);
            reports.add(own);
            askAll(set, asked, own, options.offTopic() ? folders.get(s) : root, false, keyOfDocument, options);
            if (options.offTopic()) {
                int other = (s + 1) % sets.size();
                SetScores across = new SetScores(set.name() + " -> " + sets.get(other).name());
                across.passages = ingested.get(other).passages;
                reports.add(across);
                askAll(set, asked, across, folders.get(other), true, keyOfDocument, options);
            }
        }
        return new QaReport(reports, ingestSeconds, embedSeconds, options.sample(), options.seed(),
                options.offTopic());
    }

    private void askAll(QaSet set, List<QaSet.Question> asked, SetScores scores, Folder scope, boolean offTopic,
            Map<Long, String> keyOfDocument, Options options) {
        int done = 0;
        for (QaSet.Question question : asked) {
            ask(set.name(), question, offTopic, scope, scores, keyOfDocument, options.evidence());
            if (++done % 100 == 0) {
                progress.accept(scores.name() + ": " + done + "/" + asked.size() + " questions");
            }
        }
    }

    private Folder ingest(QaSet set, SetScores scores, Map<Long, String> keyOfDocument) throws InterruptedException {
        Folder folder = docChat.folders().ensurePath(account, "eval/" + set.name());
        List<Long> batch = new ArrayList<>();
        for (QaSet.Passage passage : set.passages()) {
            Document document;
            try {
                document = docChat.documents().submit(account, folder.id(), passage.pid() + ".txt",
                        passage.text().getBytes(StandardCharsets.UTF_8));
            } catch (DocChatException e) {
                scores.failedPassages++;
                continue;
            }
            scores.passages++;
            // The same bytes in one folder are one document: the first pid names it.
            keyOfDocument.putIfAbsent(document.id(), set.name() + ":" + passage.pid());
            batch.add(document.id());
            if (batch.size() >= SUBMIT_BATCH) {
                awaitAll(batch, scores);
            }
        }
        awaitAll(batch, scores);
        return folder;
    }

    private void awaitAll(List<Long> documentIds, SetScores scores) throws InterruptedException {
        for (long id : documentIds) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Document document = docChat.documents().awaitProcessed(account, id, Duration.ofMinutes(5));
            if (document.status() != DocumentStatus.PARSING_COMPLETED) {
                scores.failedPassages++;
            }
        }
        progress.accept(scores.name() + ": " + scores.passages + " passages ingested");
        documentIds.clear();
    }

    private void ask(String setName, QaSet.Question question, boolean offTopic, Folder scope, SetScores scores,
            Map<Long, String> keyOfDocument, Writer evidence) {
        boolean impossible = offTopic || question.impossible();
        Set<String> relevant = new LinkedHashSet<>();
        for (String pid : question.relevant()) {
            relevant.add(setName + ":" + pid);
        }
        Session session = docChat.sessions().create(account, scope.id(), "eval " + question.qid(), null);
        long start = System.nanoTime();
        ChatItem item = null;
        StageTimings timings = null;
        try (ChatStream stream = docChat.chat().stream(account, new ChatRequest(session.id(), question.question()))) {
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
            scores.errors++;
        }
        long elapsed = System.nanoTime() - start;
        boolean refused = item != null && ChatItem.NO_RELATED_CONTENT.equals(item.answer().strip());
        List<RetrievedPassage> hits = docChat.retrieval().search(account,
                new RetrievalRequest(question.question(), Set.of(scope.id()), Set.of(), TOP_K));
        List<String> retrieved = new ArrayList<>();
        for (RetrievedPassage hit : hits) {
            String key = keyOfDocument.get(hit.document().id());
            if (key != null && !retrieved.contains(key)) {
                retrieved.add(key);
            }
        }
        if (impossible) {
            scores.unanswerable++;
            scores.refusedUnanswerable += refused ? 1 : 0;
        } else {
            scores.answerable++;
            scores.refusedAnswerable += refused ? 1 : 0;
            List<String> cited = new ArrayList<>();
            if (item != null) {
                for (Citation citation : item.citations()) {
                    String key = keyOfDocument.get(citation.documentId());
                    if (key != null && !cited.contains(key)) {
                        cited.add(key);
                    }
                }
            }
            scores.cited.add(cited, relevant);
            scores.retrieved.add(retrieved, relevant);
            if (!question.answers().isEmpty()) {
                scores.withGoldSpans++;
                String answer = item == null || refused ? "" : item.answer();
                scores.spanHits += TextMatch.containsAny(answer, question.answers()) ? 1 : 0;
                scores.f1Sum += TextMatch.bestF1(answer, question.answers());
            }
        }
        if (timings != null) {
            scores.plan.add(timings.planNanos());
            scores.retrieve.add(timings.retrieveNanos());
            scores.answer.add(timings.answerNanos());
            scores.total.add(elapsed);
        }
        if (evidence != null) {
            List<PromptPassage> passages = new ArrayList<>();
            for (RetrievedPassage hit : hits.subList(0, Math.min(PROMPT_PASSAGES, hits.size()))) {
                passages.add(new PromptPassage(passages.size() + 1, hit.passage(), hit.document().fileName(),
                        hit.similarity()));
            }
            Evidence e = gauge.evidence(new AnswerPrompt(question.question(), question.question(), List.of(), passages));
            int rank = 0;
            for (int i = 0; i < retrieved.size() && rank == 0; i++) {
                rank = relevant.contains(retrieved.get(i)) ? i + 1 : 0;
            }
            double topLexical = 0;
            double topSimilarity = 0;
            for (RetrievedPassage hit : hits) {
                topLexical = Math.max(topLexical, hit.lexicalScore());
                topSimilarity = Math.max(topSimilarity, hit.semanticScore());
            }
            // The similarity of each of the first ranks, whether the chat refused, and the knowledge base's background
            // (the cosine of the question's 20th nearest passage): what the refusal by meaning is calibrated on.
            StringBuilder ranks = new StringBuilder();
            for (int i : new int[] {0, 1, 2, 3, 4, 9}) {
                ranks.append(String.format(Locale.ROOT, "\t%.4f", i < hits.size() ? hits.get(i).similarity()
                        : Double.NaN));
            }
            write(evidence, String.format(Locale.ROOT,
                    "%s\t%s\t%b\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f%s\t%b\t%.4f%n",
                    scores.name(), question.qid(), impossible, rank, e.sentenceCoverage(), e.passageCoverage(),
                    e.similarity(), e.score(), score(hits, 0), score(hits, 1), score(hits, hits.size() - 1),
                    topLexical, topSimilarity, ranks, refused,
                    hits.isEmpty() ? Double.NaN : hits.get(0).background()));
        }
    }

    private static double score(List<RetrievedPassage> hits, int i) {
        return i >= 0 && i < hits.size() ? hits.get(i).score() : 0;
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence file: " + e.getMessage(), e);
        }
    }
}
