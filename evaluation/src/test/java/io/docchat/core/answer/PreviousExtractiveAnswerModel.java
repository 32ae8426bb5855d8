package io.docchat.core.answer;

import io.docchat.core.model.ChatItem;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.port.PromptPassage;
import io.docchat.core.text.chunking.SentenceSplitter;
import io.docchat.core.text.analysis.CjkScript;
import io.docchat.core.text.analysis.TextAnalyzer;
import io.docchat.core.text.chunking.TextSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The extractive answer model as it was before the calibrated refusal (kept to time both in one run): it answers with the sentences of the retrieved passages that best match the question, and
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
public final class PreviousExtractiveAnswerModel implements AnswerModel {

    /** Default for {@link #ExtractiveAnswerModel(int, int, double)}: sentences in an answer. */
    static final int DEFAULT_MAX_SENTENCES = 3;
    /** Default: characters in an answer (a single longer sentence is still given whole). */
    public static final int DEFAULT_MAX_CHARS = 600;
    /** Default: the share of the question's weight the best sentence must cover. */
    public static final double DEFAULT_RELEVANCE_FLOOR = 0.35;

    private static final double NEIGHBOUR_WEIGHT = 0.3;
    private static final double RANK_PENALTY = 0.03;
    private static final double ADJACENCY_BONUS = 0.15;
    private static final double KEEP_RATIO = 0.6;

    private final int maxSentences;
    private final int maxChars;
    private final double relevanceFloor;

    /** A model with the default tuning. */
    public PreviousExtractiveAnswerModel() {
        this(DEFAULT_MAX_SENTENCES, DEFAULT_MAX_CHARS, DEFAULT_RELEVANCE_FLOOR);
    }

    /**
     * @param maxSentences   at most this many sentences in an answer (at least 1)
     * @param maxChars       further sentences are added only while the answer stays within this length
     * @param relevanceFloor in [0, 1]: the share of the question's IDF weight the best sentence (with its neighbours)
     *                       must cover, below which the model answers {@link ChatItem#NO_RELATED_CONTENT}
     */
    public PreviousExtractiveAnswerModel(int maxSentences, int maxChars, double relevanceFloor) {
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
    /** @param heading the sentence is one of the headings the passage sits under (the chunker keeps them in the text) */
    private record Sentence(
            int passageNumber, int rank, int index, TextSpan span, String text, Set<String> terms, boolean heading) {}

    private record Chosen(int passageNumber, TextSpan span, String text) {}

    /** The sentences that answer, in reading order; empty when the relevance floor is not reached. */
    private List<Chosen> choose(AnswerPrompt prompt) {
        String question = prompt.standaloneQuestion() == null || prompt.standaloneQuestion().isBlank()
                ? prompt.question() : prompt.standaloneQuestion();
        Set<String> queryTerms = PreviousQueryTerms.of(question);
        if (queryTerms.isEmpty()) {
            return List.of();
        }
        List<Sentence> sentences = new ArrayList<>();
        List<List<Sentence>> byPassage = new ArrayList<>();
        List<Set<String>> contexts = new ArrayList<>();
        for (int rank = 0; rank < prompt.passages().size(); rank++) {
            PromptPassage p = prompt.passages().get(rank);
            String text = p.passage().text();
            contexts.add(contextTerms(p));
            List<Sentence> own = new ArrayList<>();
            List<TextSpan> spans = SentenceSplitter.sentences(text);
            for (int i = 0; i < spans.size(); i++) {
                TextSpan span = spans.get(i);
                String s = span.of(text);
                Set<String> terms = new HashSet<>(TextAnalyzer.terms(s));
                boolean heading = p.passage().headingPath().contains(s.strip());
                Sentence sentence = new Sentence(p.number(), rank, i, span, s, terms, heading);
                own.add(sentence);
                sentences.add(sentence);
            }
            byPassage.add(own);
        }
        if (sentences.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> variants = variants(queryTerms, sentences);
        Map<String, Double> idf = idf(variants, sentences);
        double total = 0;
        for (double w : idf.values()) {
            total += w;
        }
        double[] own = new double[sentences.size()];
        boolean[] label = new boolean[sentences.size()];
        double[] score = new double[sentences.size()];
        double bestWindow = 0;
        int k = 0;
        for (int r = 0; r < byPassage.size(); r++) {
            List<Sentence> passage = byPassage.get(r);
            Set<String> context = contexts.get(r);
            for (int i = 0; i < passage.size(); i++) {
                Sentence s = passage.get(i);
                double cover = 0;
                double windowCover = 0;
                for (Map.Entry<String, Double> e : idf.entrySet()) {
                    Set<String> forms = variants.get(e.getKey());
                    if (containsAny(s.terms(), forms)) {
                        cover += e.getValue();
                        windowCover += e.getValue();
                    } else if ((i > 0 && containsAny(passage.get(i - 1).terms(), forms))
                            || (i + 1 < passage.size() && containsAny(passage.get(i + 1).terms(), forms))
                            || containsAny(context, forms)) {
                        windowCover += e.getValue() * NEIGHBOUR_WEIGHT;
                    }
                }
                own[k] = cover / total;
                double window = windowCover / total;
                bestWindow = Math.max(bestWindow, own[k] > 0 ? window : 0);
                score[k] = window * (1 - RANK_PENALTY * Math.min(s.rank(), 10));
                label[k] = s.heading() || (i + 1 < passage.size() && isLabel(s.text()));
                k++;
            }
        }
        if (bestWindow < relevanceFloor) {
            return List.of();
        }
        // A heading introduces the answer rather than being it: prefer a statement when one matches at all.
        int best = -1;
        for (int i = 0; i < score.length; i++) {
            if (own[i] > 0 && !label[i] && (best < 0 || score[i] > score[best])) {
                best = i;
            }
        }
        if (best < 0) {
            best = 0;
            for (int i = 1; i < score.length; i++) {
                if (score[i] > score[best]) {
                    best = i;
                }
            }
        }
        List<Integer> picked = new ArrayList<>();
        picked.add(best);
        int length = sentences.get(best).text().length();
        while (picked.size() < maxSentences) {
            int next = -1;
            double nextScore = 0;
            for (int i = 0; i < sentences.size(); i++) {
                if (picked.contains(i) || own[i] <= 0 || label[i]) {
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

    /**
     * The words around a passage that its sentences may leave implicit: its heading path and its document's name
     * ("Pricing" under "ZX-9 pump" in "zx9-manual.pdf").
     */
    private static Set<String> contextTerms(PromptPassage p) {
        StringBuilder sb = new StringBuilder();
        for (String heading : p.passage().headingPath()) {
            sb.append(heading).append(' ');
        }
        String name = p.documentName();
        if (name != null) {
            int dot = name.lastIndexOf('.');
            sb.append((dot > 0 ? name.substring(0, dot) : name).replace('_', ' '));
        }
        return new HashSet<>(TextAnalyzer.terms(sb.toString()));
    }

    /** A short line without sentence punctuation: a heading or label rather than a statement. */
    static boolean isLabel(String sentence) {
        if (sentence.isEmpty() || sentence.contains(" | ") || sentence.indexOf(':') >= 0 || sentence.indexOf('：') >= 0) {
            return false;
        }
        char last = sentence.charAt(sentence.length() - 1);
        if (".?!。？！；;\"'”)）".indexOf(last) >= 0) {
            return false;
        }
        int han = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (CjkScript.isHan(c)) {
                han++;
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return han > 0 ? han <= 10 && words <= 2 : words <= 5;
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

    /**
     * The forms of each query term found in the prompt: the term itself and words that differ from it only by a short
     * ending the light stemmer leaves alone ("die" and "died", "locate" and "located").
     */
    private static Map<String, Set<String>> variants(Set<String> queryTerms, List<Sentence> sentences) {
        Set<String> vocabulary = new HashSet<>();
        for (Sentence s : sentences) {
            vocabulary.addAll(s.terms());
        }
        Map<String, Set<String>> variants = new HashMap<>();
        for (String term : queryTerms) {
            Set<String> forms = new HashSet<>();
            forms.add(term);
            if (term.length() >= 3 && Character.isLetter(term.charAt(0)) && !CjkScript.isHan(term.charAt(0))) {
                for (String word : vocabulary) {
                    if (sameStem(term, word)) {
                        forms.add(word);
                    }
                }
            }
            variants.put(term, forms);
        }
        return variants;
    }

    private static boolean sameStem(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= 3 && longer.length() - shorter.length() <= 2 && longer.startsWith(shorter)
                && !Character.isDigit(longer.charAt(longer.length() - 1));
    }

    private static boolean containsAny(Set<String> terms, Set<String> forms) {
        for (String f : forms) {
            if (terms.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** BM25-style IDF of each query term over the prompt's sentences; a term found nowhere gets the highest weight. */
    private static Map<String, Double> idf(Map<String, Set<String>> variants, List<Sentence> sentences) {
        Map<String, Double> idf = new HashMap<>();
        int n = sentences.size();
        for (Map.Entry<String, Set<String>> e : variants.entrySet()) {
            int df = 0;
            for (Sentence s : sentences) {
                if (containsAny(s.terms(), e.getValue())) {
                    df++;
                }
            }
            idf.put(e.getKey(), Math.log(1 + (n - df + 0.5) / (df + 0.5)));
        }
        return idf;
    }

    static boolean isCjk(char c) {
        return CjkScript.isHan(c) || (c >= '\u3000' && c <= '\u303f') || (c >= '\uff00' && c <= '\uffef');
    }
}
