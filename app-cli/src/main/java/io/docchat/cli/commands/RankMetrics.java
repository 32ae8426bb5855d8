package io.docchat.cli.commands;

/**
 * Recall@k and MRR@10 of a gold item over ranked lists: each question adds the 1-based rank of its gold item, or 0
 * when it is absent.
 */
final class RankMetrics {
    private int questions;
    private int at1;
    private int at5;
    private int at10;
    private double reciprocalRanks;

    void add(int rank) {
        questions++;
        if (rank >= 1) {
            if (rank <= 1) {
                at1++;
            }
            if (rank <= 5) {
                at5++;
            }
            if (rank <= 10) {
                at10++;
                reciprocalRanks += 1.0 / rank;
            }
        }
    }

    int questions() {
        return questions;
    }

    double recallAt1() {
        return ratio(at1);
    }

    double recallAt5() {
        return ratio(at5);
    }

    double recallAt10() {
        return ratio(at10);
    }

    double mrrAt10() {
        return questions == 0 ? 0 : reciprocalRanks / questions;
    }

    private double ratio(int count) {
        return questions == 0 ? 0 : (double) count / questions;
    }
}
