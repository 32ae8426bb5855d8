package io.docchat.evaluation;

import java.util.List;

/**
 * The result of a {@link QaEvaluation} run.
 *
 * @param sets          per set (or per off-topic pairing), in the order given
 * @param ingestSeconds the time to ingest every passage
 * @param sample        questions drawn per set, 0 for all
 * @param seed          the seed of the sample
 * @param offTopic      true when each set's questions were asked of the next set's knowledge base
 */
public record QaReport(List<SetScores> sets, double ingestSeconds, int sample, long seed, boolean offTopic) {
    public QaReport {
        sets = List.copyOf(sets);
    }
}
