package io.docchat.core.answer;

import io.docchat.core.model.ChatItem;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.port.PromptPassage;
import io.docchat.core.text.analysis.CjkScript;
import io.docchat.core.text.analysis.QuestionWords;
import io.docchat.core.text.analysis.ScriptFolding;
import io.docchat.core.text.analysis.TextAnalyzer;
import io.docchat.core.text.analysis.WordCount;
import io.docchat.core.text.chunking.TextSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline answer model: it answers with the sentence of the retrieved passages that best answers the question,
 * cites exactly that sentence, and refuses when the passages do not hold the answer.
 *
 * <p>Matching: question and sentences are compared as {@link TextAnalyzer} terms of {@link ScriptFolding folded}
 * text, so Traditional, Simplified and full-width forms of a question get the same answer; the text quoted and cited
 * stays as written. The question's content terms ({@link QueryTerms}: without question words) are weighted by their
 * BM25 IDF over the prompt's sentences, so a term found everywhere counts little and a term found nowhere counts fully
 * against every sentence.
 *
 * <p>Refusal: a sentence's {@link Evidence} is the mean of two shares of the question's weight, the one that sentence
 * covers (its neighbours and headings at a fraction) and the one its whole passage covers. When no sentence reaches the
 * {@linkplain #refusalThreshold() refusal threshold}, the answer is exactly {@link ChatItem#NO_RELATED_CONTENT},
 * citing nothing. Neither share depends on the question being phrased as a question: a claim or a keyword query is
 * judged by its content terms alike. With a {@link SimilarityGate}, meaning decides first where it can: passages far
 * from the question in meaning are refused however many words match, and passages close to it are answered on any
 * matching content word; words decide between the two, and alone where the passages' similarity is not measured.
 *
 * <p>One precise answer: the best sentence leads (preferring one that holds the kind of answer asked for, a number or
 * a time), cut for a question to the clauses that hold what it asks for ({@link AnswerSpan}) and cited as that
 * sub-span; a second follows only when it is the next or previous sentence of the same passage and adds question terms
 * the first lacks, or the kind of answer the first lacks. Sentences of other passages are never appended to a
 * question's answer. A claim or keywords (not phrased as a question) are answered with the whole best sentence of
 * each prompt document that shares their words and is not far from them in meaning, in retrieval order, each cited
 * (retrieval ranks the abstracts that bear on a claim better than their shared words do). A table row
 * is answered as the row read with its header ("Total net sales, Three Months Ended June 25, 2022: 82,959"), citing
 * the row's line.
 *
 * <p>The answer is streamed in several deltas of a few words (a few characters of Chinese). Thread-safe; every
 * {@link #answer} call is independent.
 */
public final class ExtractiveAnswerModel implements AnswerModel {

    /** Default: sentences in an answer (the best one and, when it adds, its neighbour). */
    public static final int DEFAULT_MAX_SENTENCES = 2;
    /** Default: characters in an answer (a single longer sentence is still given whole). */
    public static final int DEFAULT_MAX_CHARS = 600;
    /**
     * Default refusal threshold: the {@link Evidence#score()} below which the model refuses. Calibrated on the shared
     * evaluation sets (see {@code docs/BENCHMARKS.md}): higher refuses more questions the knowledge base does not
     * answer, and more that it does.
     */
    public static final double DEFAULT_REFUSAL_THRESHOLD = 0.25;

    private static final double NEIGHBOUR_WEIGHT = 0.3;
    /**
     * A sentence's score falls by this share of its word evidence per rank of its passage (to nothing from the fourth
     * rank below the first): hybrid retrieval ranks the passage that answers first far more often than a somewhat
     * better word match in a lower passage does (0.1 took the answer from another passage than the gold one ranked
     * first in 3% of SQuAD questions; see {@code docs/BENCHMARKS.md}).
     */
    private static final double RANK_PENALTY = 0.3;
    private static final double KIND_BONUS = 0.1;
    private static final double SPLIT_BIGRAM_CREDIT = 0.5;
    /** A second sentence must add at least this share of the question's weight (or the kind of answer asked for). */
    private static final double MIN_GAIN = 0.1;

    private final int maxSentences;
    private final int maxChars;
    private final double refusalThreshold;
    private final SimilarityGate similarityGate;
    /** The passages' sentences, read once for every question they answer. */
    private final PassageReadings readings = new PassageReadings();

    /** A model with the default tuning. */
    public ExtractiveAnswerModel() {
        this(DEFAULT_MAX_SENTENCES, DEFAULT_MAX_CHARS, DEFAULT_REFUSAL_THRESHOLD);
    }

    /**
     * A model with the default answer length and this refusal threshold.
     *
     * @param refusalThreshold in [0, 1]: see {@link #ExtractiveAnswerModel(int, int, double)}
     */
    public ExtractiveAnswerModel(double refusalThreshold) {
        this(DEFAULT_MAX_SENTENCES, DEFAULT_MAX_CHARS, refusalThreshold);
    }

    /**
     * @param maxSentences     at most this many sentences in an answer (at least 1)
     * @param maxChars         a second sentence is added only while the answer stays within this length
     * @param refusalThreshold in [0, 1]: the {@link Evidence#score()} some sentence must reach, below which the
     *                         model answers {@link ChatItem#NO_RELATED_CONTENT}. Raising it refuses more of the
     *                         questions the passages do not answer and more of those they do; 0 never refuses while
     *                         any question term matches.
     */
    public ExtractiveAnswerModel(int maxSentences, int maxChars, double refusalThreshold) {
        this(maxSentences, maxChars, refusalThreshold, null);
    }

    /**
     * A model with the default answer length that also refuses by meaning.
     *
     * @param similarityGate the bounds on the passages' similarity to the question, for the embedding model
     *                       retrieval uses; null to decide by words alone
     */
    public ExtractiveAnswerModel(double refusalThreshold, SimilarityGate similarityGate) {
        this(DEFAULT_MAX_SENTENCES, DEFAULT_MAX_CHARS, refusalThreshold, similarityGate);
    }

    private ExtractiveAnswerModel(int maxSentences, int maxChars, double refusalThreshold,
            SimilarityGate similarityGate) {
        if (maxSentences < 1 || maxChars < 1 || !(refusalThreshold >= 0 && refusalThreshold <= 1)) {
            throw new IllegalArgumentException("need maxSentences >= 1, maxChars >= 1 and 0 <= refusalThreshold <= 1");
        }
        this.maxSentences = maxSentences;
        this.maxChars = maxChars;
        this.refusalThreshold = refusalThreshold;
        this.similarityGate = similarityGate;
    }

    /** The evidence score below which this model refuses. */
    public double refusalThreshold() {
        return refusalThreshold;
    }

    @Override
    public AnswerStream answer(AnswerPrompt prompt) {
        Analysis analysis = analyse(prompt);
        if (analysis == null || refuses(prompt, analysis.evidence())) {
            return new DeltaStream(ChatItem.NO_RELATED_CONTENT, List.of());
        }
        StringBuilder text = new StringBuilder();
        List<CitedSpan> citations = new ArrayList<>(analysis.chosen().size());
        for (Said said : analysis.chosen()) {
            if (text.length() > 0 && !(CjkScript.endsWithCjk(text) && CjkScript.startsWithCjk(said.text()))) {
                text.append(' ');
            }
            text.append(said.text());
            citations.add(new CitedSpan(said.passageNumber(), said.span().start(), said.span().end()));
        }
        return new DeltaStream(text.toString(), citations);
    }

    private boolean refuses(AnswerPrompt prompt, Evidence evidence) {
        return similarityGate == null ? evidence.score() < refusalThreshold
                : similarityGate.refuses(prompt.standaloneQuestion(), evidence, prompt.background(), refusalThreshold);
    }

    /** What decides the refusal by meaning, or null when words alone decide. */
    public SimilarityGate similarityGate() {
        return similarityGate;
    }

    /**
     * How strongly the prompt's passages answer its question (the standalone form when there is one), whatever the
     * threshold: what the refusal decides on. For calibration and diagnostics.
     */
    public Evidence evidence(AnswerPrompt prompt) {
        Analysis analysis = analyse(prompt);
        return analysis == null ? Evidence.NONE : analysis.evidence();
    }

    /**
     * A sentence of a prompt passage, or one line of a table ({@link PassageReadings.Sentence}), at its place in the
     * prompt.
     *
     * @param header for a table row, the header row of its table in the passage (null for the header itself)
     */
    private record Unit(
            int passageNumber, int rank, int index, TextSpan span, String text, String folded, Set<String> terms,
            boolean heading, boolean tableRow, Unit header) {}

    /** What the answer quotes of a unit (a table row read with its header) and the span of its passage it cites. */
    private record Said(int passageNumber, TextSpan span, String text) {}

    private record Analysis(Evidence evidence, List<Said> chosen) {}

    /** The evidence and the units that answer, in reading order; null when nothing can be compared. */
    private Analysis analyse(AnswerPrompt prompt) {
        String question = prompt.standaloneQuestion() == null || prompt.standaloneQuestion().isBlank()
                ? prompt.question() : prompt.standaloneQuestion();
        Set<String> queryTerms = QueryTerms.of(question);
        if (queryTerms.isEmpty()) {
            return null;
        }
        List<Unit> units = new ArrayList<>();
        List<List<Unit>> byPassage = new ArrayList<>();
        List<Set<String>> contexts = new ArrayList<>();
        for (int rank = 0; rank < prompt.passages().size(); rank++) {
            PromptPassage p = prompt.passages().get(rank);
            contexts.add(contextTerms(p));
            List<Unit> own = units(p, rank);
            byPassage.add(own);
            units.addAll(own);
        }
        if (units.isEmpty()) {
            return null;
        }
        Map<String, Set<String>> variants = variants(queryTerms, units);
        Map<String, Double> idf = idf(variants, units);
        double total = 0;
        for (double w : idf.values()) {
            total += w;
        }
        AnswerKind kind = AnswerKind.of(question);
        int size = units.size();
        double[] own = new double[size];
        double[] window = new double[size];
        double[] passageCover = new double[size];
        double[] score = new double[size];
        boolean[] label = new boolean[size];
        int k = 0;
        for (int r = 0; r < byPassage.size(); r++) {
            List<Unit> passage = byPassage.get(r);
            Set<String> context = contexts.get(r);
            // The passage's share counts what the retrieved passages of its document hold together: an abstract or a
            // section cut into several passages supports a claim as a whole.
            long document = prompt.passages().get(r).passage().documentId();
            double inPassage = 0;
            for (Map.Entry<String, Double> e : idf.entrySet()) {
                Set<String> forms = variants.get(e.getKey());
                double best = containsAny(context, forms) ? 1 : 0;
                for (int r2 = 0; r2 < byPassage.size() && best < 1; r2++) {
                    if (r2 != r && prompt.passages().get(r2).passage().documentId() != document) {
                        continue;
                    }
                    for (Unit other : byPassage.get(r2)) {
                        best = Math.max(best, credit(other, e.getKey(), forms));
                    }
                }
                inPassage += best * e.getValue();
            }
            for (int i = 0; i < passage.size(); i++) {
                Unit u = passage.get(i);
                double cover = 0;
                double near = 0;
                for (Map.Entry<String, Double> e : idf.entrySet()) {
                    Set<String> forms = variants.get(e.getKey());
                    double credit = credit(u, e.getKey(), forms);
                    if (credit < 1 && u.header() != null) {
                        credit = Math.max(credit, credit(u.header(), e.getKey(), forms));
                    }
                    cover += credit * e.getValue();
                    if (credit < 1 && ((i > 0 && containsAny(passage.get(i - 1).terms(), forms))
                            || (i + 1 < passage.size() && containsAny(passage.get(i + 1).terms(), forms))
                            || containsAny(context, forms))) {
                        near += (1 - credit) * e.getValue() * NEIGHBOUR_WEIGHT;
                    }
                }
                own[k] = cover / total;
                window[k] = (cover + near) / total;
                passageCover[k] = inPassage / total;
                boolean hasKind = kind != AnswerKind.ANY && kind.foundIn(u.folded());
                score[k] = window[k] * Math.max(0, 1 - RANK_PENALTY * u.rank()) + (hasKind ? KIND_BONUS : 0);
                label[k] = u.heading() || (u.tableRow() && u.header() == null && passage.size() > i + 1)
                        || (!u.tableRow() && i + 1 < passage.size() && isLabel(u.text()));
                k++;
            }
        }
        // A heading introduces the answer rather than being it: prefer a statement when one matches at all.
        int best = -1;
        for (int i = 0; i < size; i++) {
            if (own[i] > 0 && !label[i] && (best < 0 || score[i] > score[best])) {
                best = i;
            }
        }
        if (best < 0) {
            for (int i = 0; i < size; i++) {
                if (own[i] > 0 && (best < 0 || score[i] > score[best])) {
                    best = i;
                }
            }
        }
        if (best < 0) {
            return new Analysis(Evidence.NONE, List.of());
        }
        double bestSimilarity = Double.NaN;
        for (PromptPassage p : prompt.passages()) {
            if (p.hasSimilarity() && !(p.similarity() <= bestSimilarity)) {
                bestSimilarity = p.similarity();
            }
        }
        // The refusal weighs the strongest evidence anywhere, whichever sentence leads the answer.
        Evidence evidence = Evidence.NONE;
        for (int i = 0; i < size; i++) {
            Evidence e = Evidence.of(window[i], passageCover[i],
                    prompt.passages().get(units.get(i).rank()).hasSimilarity() ? bestSimilarity : Double.NaN);
            if (own[i] > 0 && e.score() > evidence.score()) {
                evidence = e;
            }
        }
        Unit lead = units.get(best);
        if (!lead.tableRow() && !QuestionWords.isQuestion(question)) {
            List<Said> supporting = supporting(prompt, units, best, own, label, window, passageCover);
            if (supporting.size() > 1) {
                return new Analysis(evidence, supporting);
            }
        }
        if (lead.tableRow()) {
            String reading = TableRowReading.read(lead.text(), lead.header() == null ? null : lead.header().text(),
                    variants, idf);
            return new Analysis(evidence, List.of(new Said(lead.passageNumber(), lead.span(), reading)));
        }
        List<Said> chosen = new ArrayList<>(2);
        Said precise = precise(prompt.passages().get(lead.rank()).passage().text(), lead, variants, kind, question);
        chosen.add(precise);
        if (maxSentences > 1) {
            int second = secondSentence(units, best, own, label, variants, idf, total, kind);
            if (second >= 0 && lead.text().length() + 1 + units.get(second).text().length() <= maxChars) {
                Unit u = units.get(second);
                // The neighbour is quoted whole: a fragment of a second sentence would read as a non sequitur.
                chosen.add(second < best ? 0 : 1, new Said(u.passageNumber(), u.span(), u.text()));
            }
        }
        return new Analysis(evidence, chosen);
    }

    /**
     * For a claim or keywords: the best sentence of every prompt document that shares a content word with them and is
     * not far from them in meaning, in the order the documents were retrieved, the lead's document always among them
     * (so at most one per prompt passage). Retrieval ranks the abstracts of a claim better than the sentences' word
     * evidence does (a relevant abstract often says it in other words), so a document is not measured against the
     * strongest one, and is cited where retrieval put it.
     */
    private List<Said> supporting(AnswerPrompt prompt, List<Unit> units, int best, double[] own, boolean[] label,
            double[] window, double[] passageCover) {
        Map<Long, Integer> bestOfDocument = new LinkedHashMap<>();
        long leadDocument = prompt.passages().get(units.get(best).rank()).passage().documentId();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            long document = prompt.passages().get(u.rank()).passage().documentId();
            if (i != best && (own[i] <= 0 || label[i] || u.tableRow())) {
                continue;
            }
            Integer current = bestOfDocument.get(document);
            // Within a document its best-matching sentence, whatever the rank of its passage.
            if (current == null || i == best || (current != best && window[i] > window[current])) {
                bestOfDocument.put(document, i);
            }
        }
        double floor = similarityGate == null ? Double.NaN
                : similarityGate.boundsFor(prompt.standaloneQuestion()).floor();
        List<Said> out = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : bestOfDocument.entrySet()) {
            int i = e.getValue();
            Unit u = units.get(i);
            PromptPassage p = prompt.passages().get(u.rank());
            // Far from the claim in meaning, a document is left out whatever words it shares; unmeasured, its
            // words must reach the refusal threshold; close enough, any shared content word is enough, as
            // retrieval already put it among the prompt's passages.
            boolean supports = similarityGate != null && p.hasSimilarity() ? p.similarity() >= floor
                    : Evidence.of(window[i], passageCover[i], Double.NaN).score() >= refusalThreshold;
            if (e.getKey() == leadDocument || supports) {
                out.add(new Said(u.passageNumber(), u.span(), u.text()));
            }
        }
        return out;
    }

    private static final Pattern ASKS_FOR_NAME = Pattern.compile("\\b(?:who|whom|whose|where|which)\\b|谁|哪");

    /** The part of the lead sentence that answers ({@link AnswerSpan}); a heading or label is quoted whole. */
    private static Said precise(String passageText, Unit lead, Map<String, Set<String>> variants, AnswerKind kind,
            String question) {
        if (lead.heading() || !QuestionWords.isQuestion(question)) {
            // A claim or keywords ask for no one thing: the sentence that supports them is quoted whole.
            return new Said(lead.passageNumber(), lead.span(), lead.text());
        }
        Set<String> forms = new HashSet<>();
        StringBuilder han = new StringBuilder();
        for (Map.Entry<String, Set<String>> e : variants.entrySet()) {
            forms.addAll(e.getValue());
            if (CjkScript.containsHan(e.getKey())) {
                han.append(e.getKey());
            }
        }
        boolean asksForName = ASKS_FOR_NAME.matcher(ScriptFolding.fold(question).toLowerCase(Locale.ROOT)).find();
        TextSpan span = AnswerSpan.of(passageText, lead.span(), forms, han.toString(), kind, asksForName);
        return new Said(lead.passageNumber(), span, span.of(passageText));
    }

    /**
     * The neighbour of the best sentence in its passage that adds what the question asks and the best one lacks:
     * question terms worth at least {@link #MIN_GAIN} of its weight, or the kind of answer asked for. -1 when none does.
     */
    private static int secondSentence(List<Unit> units, int best, double[] own, boolean[] label,
            Map<String, Set<String>> variants, Map<String, Double> idf, double total, AnswerKind kind) {
        Unit lead = units.get(best);
        boolean leadHasKind = kind.foundIn(lead.folded());
        int chosen = -1;
        double chosenGain = 0;
        for (int candidate : new int[] {best + 1, best - 1}) {
            if (candidate < 0 || candidate >= units.size() || label[candidate] || own[candidate] <= 0) {
                continue;
            }
            Unit u = units.get(candidate);
            if (u.rank() != lead.rank() || u.tableRow()) {
                continue;
            }
            double gain = 0;
            for (Map.Entry<String, Double> e : idf.entrySet()) {
                Set<String> forms = variants.get(e.getKey());
                if (containsAny(u.terms(), forms) && !containsAny(lead.terms(), forms)) {
                    gain += e.getValue();
                }
            }
            gain /= total;
            boolean addsKind = !leadHasKind && kind != AnswerKind.ANY
                    && kind.foundIn(u.folded());
            if ((gain >= MIN_GAIN || addsKind) && gain + (addsKind ? MIN_GAIN : 0) > chosenGain) {
                chosen = candidate;
                chosenGain = gain + (addsKind ? MIN_GAIN : 0);
            }
        }
        return chosen;
    }

    /**
     * The sentences of a passage, with each line of a table on its own (a row is read with its header), from its
     * reading, as units of the prompt's passage at {@code rank}.
     */
    private List<Unit> units(PromptPassage p, int rank) {
        List<PassageReadings.Sentence> sentences = readings.of(p.passage());
        List<Unit> out = new ArrayList<>(sentences.size());
        for (PassageReadings.Sentence s : sentences) {
            out.add(new Unit(p.number(), rank, out.size(), s.span(), s.text(), s.folded(), s.terms(), s.heading(),
                    s.tableRow(), s.header() < 0 ? null : out.get(s.header())));
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
        if (sentence.isEmpty() || TableRowReading.isRow(sentence) || sentence.indexOf(':') >= 0
                || sentence.indexOf('：') >= 0) {
            return false;
        }
        char last = sentence.charAt(sentence.length() - 1);
        if (".?!。？！；;\"'”)）".indexOf(last) >= 0) {
            return false;
        }
        WordCount count = WordCount.of(sentence);
        return count.han() > 0 ? count.han() <= 10 && count.words() <= 2 : count.words() <= 5;
    }

    /**
     * The forms of each query term found in the prompt: the term itself and words that differ from it only by a short
     * ending the light stemmer leaves alone ("die" and "died", "locate" and "located").
     */
    private static Map<String, Set<String>> variants(Set<String> queryTerms, List<Unit> units) {
        Set<String> vocabulary = new HashSet<>();
        for (Unit u : units) {
            vocabulary.addAll(u.terms());
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

    /**
     * How much of a query term a unit holds: 1 when it holds one of the term's forms; {@link #SPLIT_BIGRAM_CREDIT}
     * for a Chinese bigram whose two characters it holds apart (a bigram of a question often straddles two words,
     * 时腳 in 什么时候腳踏车, and the words are there even if that pair is not); else 0.
     */
    private static double credit(Unit u, String term, Set<String> forms) {
        if (containsAny(u.terms(), forms)) {
            return 1;
        }
        if (term.length() == 2 && CjkScript.isHan(term.charAt(0)) && CjkScript.isHan(term.charAt(1))
                && u.folded().indexOf(term.charAt(0)) >= 0 && u.folded().indexOf(term.charAt(1)) >= 0) {
            return SPLIT_BIGRAM_CREDIT;
        }
        return 0;
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
    private static Map<String, Double> idf(Map<String, Set<String>> variants, List<Unit> units) {
        Map<String, Double> idf = new HashMap<>();
        int n = units.size();
        for (Map.Entry<String, Set<String>> e : variants.entrySet()) {
            int df = 0;
            for (Unit u : units) {
                if (containsAny(u.terms(), e.getValue())) {
                    df++;
                }
            }
            idf.put(e.getKey(), Math.log(1 + (n - df + 0.5) / (df + 0.5)));
        }
        return idf;
    }
}
