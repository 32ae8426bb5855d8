package io.docchat.core.answer;

import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Passage;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.PromptPassage;
import io.docchat.core.text.JsonLines;
import io.docchat.core.text.analysis.TextAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Measures the extractive answer model on a QA set in the evaluation data format ({@code passages.jsonl},
 * {@code questions.jsonl}). Not a unit test: run it by hand with the data folder.
 *
 * <p>For each question of a seeded sample the prompt holds the gold passage and four passages of other titles, in
 * random order; the answer counts when it contains a gold answer span (case- and whitespace-insensitive). The same
 * question over five passages of other titles measures how often the relevance floor rightly refuses. Every floor in
 * a sweep is measured on the same sample.
 *
 * <pre>
 * java -cp core/target/classes:core/target/test-classes io.docchat.core.answer.ExtractiveEvaluation \
 *     ../shared/eval/squad-v1.1 1000 42 0.2,0.3,0.4 hard
 * </pre>
 */
public final class ExtractiveEvaluation {

    private record QaPair(String question, List<String> answers, String pid) {}

    private record Doc(String pid, String title, String text) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Map<String, Doc> docs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("passages.jsonl"))) {
            Map<String, Object> o = JsonLines.object(line);
            docs.put((String) o.get("pid"), new Doc((String) o.get("pid"), (String) o.get("title"),
                    (String) o.get("text")));
        }
        List<QaPair> questions = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("questions.jsonl"))) {
            Map<String, Object> o = JsonLines.object(line);
            if (Boolean.TRUE.equals(o.get("is_impossible"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<String> answers = (List<String>) o.get("answers");
            questions.add(new QaPair((String) o.get("question"), answers, (String) o.get("pid")));
        }
        Random random = new Random(seed);
        Collections.shuffle(questions, random);
        List<QaPair> chosen = questions.subList(0, Math.min(sample, questions.size()));
        List<Doc> all = new ArrayList<>(docs.values());

        boolean hard = args.length > 4 && args[4].equals("hard");
        Map<String, Set<String>> docTerms = new HashMap<>();
        Map<String, Integer> df = new HashMap<>();
        if (hard) {
            for (Doc d : all) {
                Set<String> terms = new HashSet<>(TextAnalyzer.terms(d.text()));
                docTerms.put(d.pid(), terms);
                for (String t : terms) {
                    df.merge(t, 1, Integer::sum);
                }
            }
        }
        List<List<Doc>> positives = new ArrayList<>();
        List<List<Doc>> negatives = new ArrayList<>();
        for (QaPair q : chosen) {
            Doc gold = docs.get(q.pid());
            List<Doc> others = hard ? nearest(all, gold, q.question(), docTerms, df, 5)
                    : distractors(all, gold, 5, random);
            List<Doc> pos = new ArrayList<>(others.subList(0, 4));
            pos.add(random.nextInt(5), gold);
            positives.add(pos);
            negatives.add(others);
        }
        double[] floors = args.length > 3 ? parseFloors(args[3]) : new double[] {0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7};
        System.out.printf(Locale.ROOT, "%s: %d questions, seed %d, %s distractors%n", dir.getFileName(), chosen.size(),
                seed, hard ? "closest-matching" : "random");
        System.out.println("floor  contains-gold  floor-fired-wrongly  refused-without-gold  answered-gold-first");
        for (double floor : floors) {
            ExtractiveAnswerModel model = new ExtractiveAnswerModel(
                    ExtractiveAnswerModel.DEFAULT_MAX_SENTENCES, ExtractiveAnswerModel.DEFAULT_MAX_CHARS, floor);
            int contains = 0;
            int wrongFloor = 0;
            int rightRefusal = 0;
            int goldFirst = 0;
            for (int i = 0; i < chosen.size(); i++) {
                QaPair q = chosen.get(i);
                String answer = answer(model, q.question(), positives.get(i));
                if (answer.equals(ChatItem.NO_RELATED_CONTENT)) {
                    wrongFloor++;
                } else if (containsAny(answer, q.answers())) {
                    contains++;
                }
                Doc first = firstCited(model, q.question(), positives.get(i));
                if (first != null && first.pid().equals(q.pid())) {
                    goldFirst++;
                }
                if (answer(model, q.question(), negatives.get(i)).equals(ChatItem.NO_RELATED_CONTENT)) {
                    rightRefusal++;
                }
            }
            int n = chosen.size();
            System.out.printf(Locale.ROOT, "%.2f   %.3f          %.3f                %.3f                 %.3f%n",
                    floor, contains / (double) n, wrongFloor / (double) n, rightRefusal / (double) n,
                    goldFirst / (double) n);
        }
    }

    private static double[] parseFloors(String s) {
        String[] parts = s.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    private static List<Doc> distractors(List<Doc> all, Doc gold, int count, Random random) {
        List<Doc> out = new ArrayList<>();
        while (out.size() < count) {
            Doc d = all.get(random.nextInt(all.size()));
            if (!d.title().equals(gold.title()) && !out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The passages of other titles that share the most question weight: what a search returns when the knowledge base
     * lacks the answer, so the hardest test of the relevance floor.
     */
    private static List<Doc> nearest(List<Doc> all, Doc gold, String question, Map<String, Set<String>> docTerms,
            Map<String, Integer> df, int count) {
        Set<String> q = new HashSet<>(TextAnalyzer.terms(question));
        List<Map.Entry<Doc, Double>> scored = new ArrayList<>();
        for (Doc d : all) {
            if (d.title().equals(gold.title())) {
                continue;
            }
            double score = 0;
            for (String t : q) {
                if (docTerms.get(d.pid()).contains(t)) {
                    score += Math.log(1 + all.size() / (double) df.get(t));
                }
            }
            scored.add(Map.entry(d, score));
        }
        scored.sort(Map.Entry.<Doc, Double>comparingByValue().reversed());
        List<Doc> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(scored.get(i).getKey());
        }
        return out;
    }

    private static AnswerPrompt prompt(String question, List<Doc> docs) {
        List<PromptPassage> passages = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            Passage p = new Passage(i + 1, i + 1, "eval", "eval", 0, docs.get(i).text(), List.of(), List.of());
            passages.add(new PromptPassage(i + 1, p, docs.get(i).title()));
        }
        return new AnswerPrompt(question, question, List.of(), passages);
    }

    private static String answer(ExtractiveAnswerModel model, String question, List<Doc> docs) {
        StringBuilder sb = new StringBuilder();
        try (AnswerStream stream = model.answer(prompt(question, docs))) {
            String d;
            while ((d = stream.nextDelta()) != null) {
                sb.append(d);
            }
        }
        return sb.toString();
    }

    private static Doc firstCited(ExtractiveAnswerModel model, String question, List<Doc> docs) {
        try (AnswerStream stream = model.answer(prompt(question, docs))) {
            return stream.citations().isEmpty() ? null : docs.get(stream.citations().get(0).passageNumber() - 1);
        }
    }

    private static boolean containsAny(String answer, List<String> golds) {
        String a = squash(answer);
        for (String g : golds) {
            String s = squash(g);
            if (!s.isEmpty() && a.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static String squash(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
