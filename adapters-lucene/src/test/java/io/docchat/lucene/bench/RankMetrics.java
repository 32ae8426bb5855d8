package io.docchat.lucene.bench;

/** Recall@1, Recall@5 and MRR@10 of the gold passage over a set of questions, accumulated one rank at a time. */
final class RankMetrics {

    private int questions;
    private int top1;
    private int top5;
    private double reciprocalRanks;

    /** @param rank 1-based rank of the gold passage, or 0 if it was not among the first ten */
    void record(int rank) {
        questions++;
        if (rank == 1) {
            top1++;
        }
        if (rank >= 1 && rank <= 5) {
            top5++;
        }
        if (rank >= 1 && rank <= 10) {
            reciprocalRanks += 1.0 / rank;
        }
    }

    double recallAt1() {
        return questions == 0 ? 0 : (double) top1 / questions;
    }

    double recallAt5() {
        return questions == 0 ? 0 : (double) top5 / questions;
    }

    double mrrAt10() {
        return questions == 0 ? 0 : reciprocalRanks / questions;
    }

    int questions() {
        return questions;
    }
}
