package io.docchat.evaluation;

import java.util.List;

/**
 * The result of a {@link QaEvaluation} run.
 *
 * @param sets          per set (or per off-topic pairing), in the order given
 * @param ingestSeconds the time to ingest every passage (searchable by words)
 * @param embedSeconds  the time after that until every passage had its vector (0 without an embedding model)
 * @param sample        questions drawn per set, 0 for all
 * @param seed          the seed of the sample
 * @param offTopic      true when each set was kept in its own knowledge base and its questions were asked of it
 *                      and of the next set's
 */
public record QaReport(List<SetScores> sets, double ingestSeconds, double embedSeconds, int sample, long seed, boolean offTopic) {
    public QaReport {
        sets = List.copyOf(sets);
    }
}
