package io.docchat.evaluation;

/**
 * What one set (or, off-topic, one set's questions asked of another set's knowledge base) scored. Answerable
 * questions are ranked and matched; refusals are counted on each side separately. Filled by {@link QaEvaluation}.
 */
public final class SetScores {
    private final String name;
    int passages;
    int failedPassages;
    int answerable;
    int unanswerable;
    int refusedAnswerable;
    int refusedUnanswerable;
    int withGoldSpans;
    int spanHits;
    double f1Sum;
    int errors;
    final RankMetrics cited = new RankMetrics();
    final RankMetrics retrieved = new RankMetrics();
    final Latencies plan = new Latencies();
    final Latencies retrieve = new Latencies();
    final Latencies answer = new Latencies();
    final Latencies total = new Latencies();

    SetScores(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public int passages() {
        return passages;
    }

    public int failedPassages() {
        return failedPassages;
    }

    /** Questions asked. */
    public int questions() {
        return answerable + unanswerable;
    }

    public int answerable() {
        return answerable;
    }

    public int unanswerable() {
        return unanswerable;
    }

    /** Answerable questions answered "No related content found.": wrongly refused. */
    public int refusedAnswerable() {
        return refusedAnswerable;
    }

    /** Unanswerable (or off-topic) questions refused: rightly. */
    public int refusedUnanswerable() {
        return refusedUnanswerable;
    }

    public double refusedAnswerableRate() {
        return answerable == 0 ? 0 : (double) refusedAnswerable / answerable;
    }

    public double refusedUnanswerableRate() {
        return unanswerable == 0 ? 0 : (double) refusedUnanswerable / unanswerable;
    }

    /** Answerable questions that have gold spans (claims have none). */
    public int withGoldSpans() {
        return withGoldSpans;
    }

    /** The share of answerable questions with gold spans whose answer contains one. */
    public double spanRate() {
        return withGoldSpans == 0 ? 0 : (double) spanHits / withGoldSpans;
    }

    /** The mean best F1 against the gold spans (a refusal scores 0): token F1 for English, character F1 for Chinese. */
    public double meanF1() {
        return withGoldSpans == 0 ? 0 : f1Sum / withGoldSpans;
    }

    /** Questions the engine rejected with an error. */
    public int errors() {
        return errors;
    }

    /** Ranks of the relevant passages among the documents the answer cites (answerable questions). */
    public RankMetrics cited() {
        return cited;
    }

    /** Ranks of the relevant passages among the first ten retrieved (answerable questions). */
    public RankMetrics retrieved() {
        return retrieved;
    }

    public Latencies plan() {
        return plan;
    }

    public Latencies retrieve() {
        return retrieve;
    }

    public Latencies answer() {
        return answer;
    }

    public Latencies total() {
        return total;
    }
}
