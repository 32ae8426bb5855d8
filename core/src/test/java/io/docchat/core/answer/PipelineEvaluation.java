package io.docchat.core.answer;

import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Passage;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.NewPassage;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.PromptPassage;
import io.docchat.core.text.JsonLines;
import io.docchat.core.text.PlainBm25;
import io.docchat.core.text.analysis.TextAnalyzer;
import io.docchat.core.text.chunking.Chunker;
import io.docchat.core.text.parsing.PlainTextParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Measures the text pipeline end to end on a QA set, for several chunk sizes: the passages of each title become one
 * text document (paragraphs separated by blank lines), parsed by {@link PlainTextParser} and cut by {@link Chunker};
 * a plain BM25 (k1 0.9, b 0.4 over {@link TextAnalyzer} terms) retrieves five chunks per question; the extractive
 * model answers from them. Reports how often the first and any of the five chunks hold a gold answer span, how often
 * the answer does, how often the relevance floor refuses, and the mean answer length. Not a unit test.
 *
 * <pre>
 * java -cp core/target/classes:core/target/test-classes io.docchat.core.answer.PipelineEvaluation \
 *     ../shared/eval/squad-v1.1 1000 42 300/600,600/1200,900/1800
 * </pre>
 */
public final class PipelineEvaluation {

    private record QaPair(String question, List<String> answers) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int sample = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Map<String, StringBuilder> byTitle = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("passages.jsonl"))) {
            Map<String, Object> o = JsonLines.object(line);
            StringBuilder sb = byTitle.computeIfAbsent((String) o.get("title"), t -> new StringBuilder());
            sb.append(((String) o.get("text")).strip()).append("\n\n");
        }
        List<QaPair> questions = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("questions.jsonl"))) {
            Map<String, Object> o = JsonLines.object(line);
            @SuppressWarnings("unchecked")
            List<String> answers = (List<String>) o.get("answers");
            questions.add(new QaPair((String) o.get("question"), answers));
        }
        Collections.shuffle(questions, new Random(seed));
        List<QaPair> chosen = questions.subList(0, Math.min(sample, questions.size()));
        System.out.printf(Locale.ROOT, "%s: %d titles, %d questions, seed %d%n", dir.getFileName(), byTitle.size(),
                chosen.size(), seed);
        System.out.println("target/max  chunks  mean-chars  gold@1  gold@5  answer-has-gold  refused  mean-answer-chars");
        for (String config : args[3].split(",")) {
            String[] parts = config.split("/");
            Chunker chunker = new Chunker(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            List<String> chunks = new ArrayList<>();
            PlainTextParser parser = new PlainTextParser();
            for (Map.Entry<String, StringBuilder> e : byTitle.entrySet()) {
                ParseResult r = parser.parse(e.getKey() + ".txt", e.getValue().toString().getBytes(StandardCharsets.UTF_8));
                for (NewPassage p : chunker.chunk(((ParseResult.Success) r).document().pages())) {
                    chunks.add(p.text());
                }
            }
            PlainBm25 bm25 = new PlainBm25(chunks);
            ExtractiveAnswerModel model = new ExtractiveAnswerModel();
            int at1 = 0;
            int at5 = 0;
            int answered = 0;
            int refused = 0;
            long answerChars = 0;
            for (QaPair q : chosen) {
                List<Integer> top = bm25.search(q.question(), 5);
                boolean first = true;
                boolean any = false;
                for (int id : top) {
                    boolean has = containsAny(chunks.get(id), q.answers());
                    if (has && first) {
                        at1++;
                    }
                    any |= has;
                    first = false;
                }
                if (any) {
                    at5++;
                }
                List<PromptPassage> passages = new ArrayList<>();
                for (int i = 0; i < top.size(); i++) {
                    Passage p = new Passage(top.get(i), 1, "eval", "eval", 0, chunks.get(top.get(i)), List.of(), List.of());
                    passages.add(new PromptPassage(i + 1, p, "doc"));
                }
                StringBuilder answer = new StringBuilder();
                try (AnswerStream stream = model.answer(new AnswerPrompt(q.question(), q.question(), List.of(), passages))) {
                    String d;
                    while ((d = stream.nextDelta()) != null) {
                        answer.append(d);
                    }
                }
                if (answer.toString().equals(ChatItem.NO_RELATED_CONTENT)) {
                    refused++;
                } else {
                    answerChars += answer.length();
                    if (containsAny(answer.toString(), q.answers())) {
                        answered++;
                    }
                }
            }
            double n = chosen.size();
            double meanChunk = chunks.stream().mapToInt(String::length).average().orElse(0);
            System.out.printf(Locale.ROOT, "%-10s  %6d  %10.0f  %6.3f  %6.3f  %15.3f  %7.3f  %17.0f%n", config,
                    chunks.size(), meanChunk, at1 / n, at5 / n, answered / n, refused / n,
                    answerChars / Math.max(1.0, n - refused));
        }
    }

    private static boolean containsAny(String text, List<String> golds) {
        String a = squash(text);
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
