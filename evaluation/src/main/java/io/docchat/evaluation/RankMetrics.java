package io.docchat.evaluation;

import java.util.List;
import java.util.Set;

/**
 * Ranking measures over questions with one or several relevant items: Recall@1/5/10 and MRR@10 of the first relevant
 * item, and, over all relevant items, Recall@10 (the share of them in the first ten) and binary nDCG@10 (the BEIR
 * convention). Accumulated one question at a time; not thread-safe.
 */
public final class RankMetrics {
    private static final int DEPTH = 10;

    private int questions;
    private int at1;
    private int at5;
    private int at10;
    private double reciprocalRanks;
    private double recallsAt10;
    private double ndcgsAt10;

    /** Adds a question with a single relevant item found at this 1-based rank (0 when absent). */
    public void add(int rank) {
        questions++;
        if (rank >= 1 && rank <= DEPTH) {
            at1 += rank == 1 ? 1 : 0;
            at5 += rank <= 5 ? 1 : 0;
            at10++;
            reciprocalRanks += 1.0 / rank;
            recallsAt10 += 1;
            ndcgsAt10 += 1 / log2(rank + 1);
        }
    }

    /** Adds a question: the items in ranked order (duplicates already removed) and its relevant items. */
    public <T> void add(List<T> ranked, Set<T> relevant) {
        questions++;
        if (relevant.isEmpty()) {
            return;
        }
        int first = 0;
        int found = 0;
        double dcg = 0;
        for (int i = 0; i < Math.min(DEPTH, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                if (first == 0) {
                    first = i + 1;
                }
                found++;
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(DEPTH, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        if (first >= 1) {
            at1 += first == 1 ? 1 : 0;
            at5 += first <= 5 ? 1 : 0;
            at10++;
            reciprocalRanks += 1.0 / first;
        }
        recallsAt10 += (double) found / relevant.size();
        ndcgsAt10 += dcg / ideal;
    }

    public int questions() {
        return questions;
    }

    public double recallAt1() {
        return ratio(at1);
    }

    public double recallAt5() {
        return ratio(at5);
    }

    /** The share of questions with a relevant item in the first ten. */
    public double hitAt10() {
        return ratio(at10);
    }

    public double mrrAt10() {
        return mean(reciprocalRanks);
    }

    /** The mean share of each question's relevant items found in the first ten. */
    public double recallAt10() {
        return mean(recallsAt10);
    }

    public double ndcgAt10() {
        return mean(ndcgsAt10);
    }

    private double ratio(int count) {
        return questions == 0 ? 0 : (double) count / questions;
    }

    private double mean(double sum) {
        return questions == 0 ? 0 : sum / questions;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
