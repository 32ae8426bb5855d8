package io.docchat.core.answer;

import io.docchat.core.model.ChatItem;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.port.PromptPassage;
import io.docchat.core.text.SentenceSplitter;
import io.docchat.core.text.TextAnalyzer;
import io.docchat.core.text.TextSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline answer model: it answers with the sentences of the retrieved passages that best match the question, and
 * cites exactly those sentences.
 *
 * <p>Scoring: each sentence gets the IDF-weighted share of the question's content terms it contains (IDF over the
 * sentences of the prompt, so a term found everywhere counts little and a term found nowhere counts fully against
 * every sentence), plus a smaller share for the terms of its neighbours (an answer sentence often leaves the subject
 * to the sentence before it), weighted down slightly by the rank of its passage. The best sentence is taken, then up to
 * {@code maxSentences - 1} more that score nearly as well, preferring its neighbours, within {@code maxChars}.
 *
 * <p>Relevance floor: when even the best sentence with its neighbours covers less than {@code relevanceFloor} of the
 * question's weight, the passages do not answer the question and the answer is exactly
 * {@link ChatItem#NO_RELATED_CONTENT}, citing nothing.
 *
 * <p>The answer is streamed in several deltas of a few words (a few characters of Chinese). Thread-safe; every
 * {@link #answer} call is independent.
 */
public final class ExtractiveAnswerModel implements AnswerModel {

    /** Default for {@link #ExtractiveAnswerModel(int, int, double)}: sentences in an answer. */
    public static final int DEFAULT_MAX_SENTENCES = 3;
    /** Default: characters in an answer (a single longer sentence is still given whole). */
    public static final int DEFAULT_MAX_CHARS = 600;
    /** Default: the share of the question's weight the best sentence must cover. */
    public static final double DEFAULT_RELEVANCE_FLOOR = 0.5;

    private static final double NEIGHBOUR_WEIGHT = 0.3;
    private static final double RANK_PENALTY = 0.03;
    private static final double ADJACENCY_BONUS = 0.15;
    private static final double KEEP_RATIO = 0.6;

    private final int maxSentences;
    private final int maxChars;
    private final double relevanceFloor;

    /** A model with the default tuning. */
    public ExtractiveAnswerModel() {
        this(DEFAULT_MAX_SENTENCES, DEFAULT_MAX_CHARS, DEFAULT_RELEVANCE_FLOOR);
    }

    /**
     * @param maxSentences   at most this many sentences in an answer (at least 1)
     * @param maxChars       further sentences are added only while the answer stays within this length
     * @param relevanceFloor in [0, 1]: the share of the question's IDF weight the best sentence (with its neighbours)
     *                       must cover, below which the model answers {@link ChatItem#NO_RELATED_CONTENT}
     */
    public ExtractiveAnswerModel(int maxSentences, int maxChars, double relevanceFloor) {
        if (maxSentences < 1 || maxChars < 1 || relevanceFloor < 0 || relevanceFloor > 1) {
            throw new IllegalArgumentException("need maxSentences >= 1, maxChars >= 1 and 0 <= relevanceFloor <= 1");
        }
        this.maxSentences = maxSentences;
        this.maxChars = maxChars;
        this.relevanceFloor = relevanceFloor;
    }

    @Override
    public AnswerStream answer(AnswerPrompt prompt) {
        List<Chosen> chosen = choose(prompt);
        if (chosen.isEmpty()) {
            return new DeltaStream(ChatItem.NO_RELATED_CONTENT, List.of());
        }
        StringBuilder text = new StringBuilder();
        List<CitedSpan> citations = new ArrayList<>(chosen.size());
        for (Chosen c : chosen) {
            String sentence = c.text();
            if (text.length() > 0 && !(isCjk(text.charAt(text.length() - 1)) && isCjk(sentence.charAt(0)))) {
                text.append(' ');
            }
            text.append(sentence);
            citations.add(new CitedSpan(c.passageNumber(), c.span().start(), c.span().end()));
        }
        return new DeltaStream(text.toString(), citations);
    }

    /** A sentence of a prompt passage. */
    private record Sentence(int passageNumber, int rank, int index, TextSpan span, String text, Set<String> terms) {}

    private record Chosen(int passageNumber, TextSpan span, String text) {}

    /** The sentences that answer, in reading order; empty when the relevance floor is not reached. */
    List<Chosen> choose(AnswerPrompt prompt) {
        String question = prompt.standaloneQuestion() == null || prompt.standaloneQuestion().isBlank()
                ? prompt.question() : prompt.standaloneQuestion();
        Set<String> queryTerms = QueryTerms.of(question);
        if (queryTerms.isEmpty()) {
            return List.of();
        }
        List<Sentence> sentences = new ArrayList<>();
        List<List<Sentence>> byPassage = new ArrayList<>();
        for (int rank = 0; rank < prompt.passages().size(); rank++) {
            PromptPassage p = prompt.passages().get(rank);
            String text = p.passage().text();
            List<Sentence> own = new ArrayList<>();
            List<TextSpan> spans = SentenceSplitter.sentences(text);
            for (int i = 0; i < spans.size(); i++) {
                TextSpan span = spans.get(i);
                String s = span.of(text);
                Set<String> terms = new HashSet<>(TextAnalyzer.terms(s));
                Sentence sentence = new Sentence(p.number(), rank, i, span, s, terms);
                own.add(sentence);
                sentences.add(sentence);
            }
            byPassage.add(own);
        }
        if (sentences.isEmpty()) {
            return List.of();
        }
        Map<String, Double> idf = idf(queryTerms, sentences);
        double total = 0;
        for (double w : idf.values()) {
            total += w;
        }
        double[] own = new double[sentences.size()];
        double[] score = new double[sentences.size()];
        double bestWindow = 0;
        int k = 0;
        for (List<Sentence> passage : byPassage) {
            for (int i = 0; i < passage.size(); i++) {
                Sentence s = passage.get(i);
                double cover = 0;
                double windowCover = 0;
                for (Map.Entry<String, Double> e : idf.entrySet()) {
                    String term = e.getKey();
                    if (s.terms().contains(term)) {
                        cover += e.getValue();
                        windowCover += e.getValue();
                    } else if ((i > 0 && passage.get(i - 1).terms().contains(term))
                            || (i + 1 < passage.size() && passage.get(i + 1).terms().contains(term))) {
                        windowCover += e.getValue() * NEIGHBOUR_WEIGHT;
                    }
                }
                own[k] = cover / total;
                double window = windowCover / total;
                bestWindow = Math.max(bestWindow, own[k] > 0 ? window : 0);
                score[k] = window * (1 - RANK_PENALTY * Math.min(s.rank(), 10));
                k++;
            }
        }
        if (bestWindow < relevanceFloor) {
            return List.of();
        }
        int best = 0;
        for (int i = 1; i < score.length; i++) {
            if (score[i] > score[best]) {
                best = i;
            }
        }
        List<Integer> picked = new ArrayList<>();
        picked.add(best);
        int length = sentences.get(best).text().length();
        while (picked.size() < maxSentences) {
            int next = -1;
            double nextScore = 0;
            for (int i = 0; i < sentences.size(); i++) {
                if (picked.contains(i) || own[i] <= 0) {
                    continue;
                }
                double s = score[i] + (adjacent(sentences.get(i), picked, sentences) ? ADJACENCY_BONUS : 0);
                if (s > nextScore) {
                    nextScore = s;
                    next = i;
                }
            }
            if (next < 0 || nextScore < KEEP_RATIO * score[best]
                    || length + 1 + sentences.get(next).text().length() > maxChars) {
                break;
            }
            picked.add(next);
            length += 1 + sentences.get(next).text().length();
        }
        picked.sort(Comparator.<Integer>comparingInt(i -> sentences.get(i).rank())
                .thenComparingInt(i -> sentences.get(i).index()));
        List<Chosen> out = new ArrayList<>(picked.size());
        for (int i : picked) {
            Sentence s = sentences.get(i);
            out.add(new Chosen(s.passageNumber(), s.span(), s.text()));
        }
        return out;
    }

    private static boolean adjacent(Sentence s, List<Integer> picked, List<Sentence> sentences) {
        for (int i : picked) {
            Sentence p = sentences.get(i);
            if (p.rank() == s.rank() && Math.abs(p.index() - s.index()) == 1) {
                return true;
            }
        }
        return false;
    }

    /** BM25-style IDF of each query term over the prompt's sentences; a term found nowhere gets the highest weight. */
    private static Map<String, Double> idf(Set<String> queryTerms, List<Sentence> sentences) {
        Map<String, Double> idf = new HashMap<>();
        int n = sentences.size();
        for (String term : queryTerms) {
            int df = 0;
            for (Sentence s : sentences) {
                if (s.terms().contains(term)) {
                    df++;
                }
            }
            idf.put(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
        }
        return idf;
    }

    static boolean isCjk(char c) {
        return TextAnalyzer.isHan(c) || (c >= '\u3000' && c <= '\u303f') || (c >= '\uff00' && c <= '\uffef');
    }
}
