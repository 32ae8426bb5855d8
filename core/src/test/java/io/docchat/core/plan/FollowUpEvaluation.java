package io.docchat.core.plan;

import io.docchat.core.model.QaTurn;
import io.docchat.core.text.JsonLines;
import io.docchat.core.text.PlainBm25;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the planner on follow-ups made from a QA set. For questions that name their passage's title, a follow-up
 * is made by putting "it"/"its" (它/它的) in place of the title, and another question naming the same title is the
 * history. Reports how often the planner's question names the title again, how often a question that needs no
 * history is left unchanged, and the gold passage's recall at 5 under plain BM25 for the original question, the bare
 * follow-up and the planned follow-up. With {@code -Dshow=1} it prints the follow-ups whose title was not restored.
 * Not a unit test.
 *
 * <pre>
 * java -cp core/target/classes:core/target/test-classes io.docchat.core.plan.FollowUpEvaluation \
 *     ../shared/eval/squad-v1.1 500 42
 * </pre>
 */
public final class FollowUpEvaluation {

    private record Question(String text, String pid, String title) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int sample = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        List<String> pids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Map<String, String> titleOf = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("passages.jsonl"))) {
            Map<String, Object> o = JsonLines.object(line);
            String title = ((String) o.get("title")).replace('_', ' ');
            pids.add((String) o.get("pid"));
            texts.add((String) o.get("text"));
            titleOf.put((String) o.get("pid"), title);
        }
        Map<String, List<Question>> byTitle = new HashMap<>();
        List<Question> all = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("questions.jsonl"))) {
            Map<String, Object> o = JsonLines.object(line);
            String pid = (String) o.get("pid");
            Question q = new Question((String) o.get("question"), pid, titleOf.get(pid));
            all.add(q);
            if (q.text().toLowerCase(Locale.ROOT).contains(q.title().toLowerCase(Locale.ROOT))) {
                byTitle.computeIfAbsent(q.title(), t -> new ArrayList<>()).add(q);
            }
        }
        Random random = new Random(seed);
        List<Question[]> pairs = new ArrayList<>();
        for (List<Question> qs : byTitle.values()) {
            if (qs.size() < 2) {
                continue;
            }
            for (int i = 1; i < qs.size(); i++) {
                pairs.add(new Question[] {qs.get(i - 1), qs.get(i)});
            }
        }
        Collections.shuffle(pairs, random);
        pairs = pairs.subList(0, Math.min(sample, pairs.size()));
        PlainBm25 bm25 = new PlainBm25(texts);
        HeuristicQueryPlanner planner = new HeuristicQueryPlanner();
        int restored = 0;
        int original5 = 0;
        int bare5 = 0;
        int planned5 = 0;
        for (Question[] pair : pairs) {
            Question first = pair[0];
            Question second = pair[1];
            String followUp = pronounFor(second.text(), second.title());
            List<QaTurn> history = List.of(new QaTurn(first.text(), "An answer."));
            String planned = planner.standalone(followUp, history);
            if (planned.toLowerCase(Locale.ROOT).contains(second.title().toLowerCase(Locale.ROOT))) {
                restored++;
            } else if (System.getProperty("show") != null) {
                System.out.println(first.text() + "\n    " + followUp + "\n    => " + planned);
            }
            original5 += hit(bm25, pids, second.text(), second.pid());
            bare5 += hit(bm25, pids, followUp, second.pid());
            planned5 += hit(bm25, pids, planned, second.pid());
        }
        // Standalone questions after an unrelated first question must come back unchanged.
        Collections.shuffle(all, random);
        int unchanged = 0;
        int standaloneCount = Math.min(sample, all.size() - 1);
        for (int i = 0; i < standaloneCount; i++) {
            String q = all.get(i).text();
            if (planner.standalone(q, List.of(new QaTurn(all.get(i + 1).text(), "An answer."))).equals(q)) {
                unchanged++;
            }
        }
        double n = pairs.size();
        System.out.printf(Locale.ROOT, "%s: %d follow-up pairs, %d standalone questions, seed %d%n",
                dir.getFileName(), pairs.size(), standaloneCount, seed);
        System.out.printf(Locale.ROOT, "title restored by the planner: %.3f%n", restored / n);
        System.out.printf(Locale.ROOT, "standalone questions left unchanged: %.3f%n", unchanged / (double) standaloneCount);
        System.out.printf(Locale.ROOT, "gold recall@5: original %.3f, bare follow-up %.3f, planned follow-up %.3f%n",
                original5 / n, bare5 / n, planned5 / n);
    }

    private static String pronounFor(String question, String title) {
        boolean chinese = title.codePoints().anyMatch(Character::isIdeographic);
        Matcher m = Pattern.compile("(?i)(the\\s+)?" + Pattern.quote(title) + "('s|’s)?").matcher(question);
        if (!m.find()) {
            return question;
        }
        String pronoun;
        if (chinese) {
            pronoun = "它";
            String before = question.substring(0, m.start());
            if (before.endsWith("《")) {
                return before.substring(0, before.length() - 1) + "它" + question.substring(m.end()).replaceFirst("^》", "");
            }
        } else {
            pronoun = m.group(2) != null ? "its" : "it";
        }
        return question.substring(0, m.start()) + pronoun + question.substring(m.end());
    }

    private static int hit(PlainBm25 bm25, List<String> pids, String query, String goldPid) {
        for (int id : bm25.search(query, 5)) {
            if (pids.get(id).equals(goldPid)) {
                return 1;
            }
        }
        return 0;
    }
}
