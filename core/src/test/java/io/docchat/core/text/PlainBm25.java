package io.docchat.core.text;

import io.docchat.core.text.analysis.TextAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** A plain in-memory BM25 (k1 0.9, b 0.4) over {@link TextAnalyzer} terms, for the evaluation programs. */
public final class PlainBm25 {
    private final List<Map<String, Integer>> tf = new ArrayList<>();
    private final Map<String, Integer> df = new HashMap<>();
    private final int[] length;
    private final double avg;

    public PlainBm25(List<String> docs) {
        length = new int[docs.size()];
        long total = 0;
        for (int i = 0; i < docs.size(); i++) {
            Map<String, Integer> counts = new HashMap<>();
            List<String> terms = TextAnalyzer.terms(docs.get(i));
            for (String t : terms) {
                counts.merge(t, 1, Integer::sum);
            }
            for (String t : counts.keySet()) {
                df.merge(t, 1, Integer::sum);
            }
            tf.add(counts);
            length[i] = terms.size();
            total += terms.size();
        }
        avg = total / (double) Math.max(1, docs.size());
    }

    public List<Integer> search(String query, int k) {
        List<String> q = TextAnalyzer.terms(query);
        double[] score = new double[tf.size()];
        int n = tf.size();
        for (String t : new HashSet<>(q)) {
            Integer d = df.get(t);
            if (d == null) {
                continue;
            }
            double idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
            for (int i = 0; i < n; i++) {
                Integer f = tf.get(i).get(t);
                if (f != null) {
                    score[i] += idf * f * 1.9 / (f + 0.9 * (0.6 + 0.4 * length[i] / avg));
                }
            }
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (score[i] > 0) {
                ids.add(i);
            }
        }
        ids.sort((a, b) -> Double.compare(score[b], score[a]));
        return ids.subList(0, Math.min(k, ids.size()));
    }
}
