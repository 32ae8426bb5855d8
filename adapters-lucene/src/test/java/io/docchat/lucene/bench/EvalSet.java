package io.docchat.lucene.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A question-answering set in the evaluation format: {@code passages.jsonl} ({@code pid, title, text}) and
 * {@code questions.jsonl} ({@code qid, question, pid}).
 */
record EvalSet(String name, List<EvalPassage> passages, List<EvalQuestion> questions) {

    record EvalPassage(String pid, String title, String text) {}

    record EvalQuestion(String qid, String question, String pid) {}

    /** The same set with every text passed through {@code convert} (e.g. Simplified to Traditional Chinese). */
    EvalSet converted(String newName, java.util.function.UnaryOperator<String> convert) {
        List<EvalPassage> newPassages = passages.stream()
                .map(p -> new EvalPassage(p.pid(), convert.apply(p.title()), convert.apply(p.text()))).toList();
        List<EvalQuestion> newQuestions = questions.stream()
                .map(q -> new EvalQuestion(q.qid(), convert.apply(q.question()), q.pid())).toList();
        return new EvalSet(newName, newPassages, newQuestions);
    }

    static EvalSet read(String name, Path directory) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<EvalPassage> passages = new ArrayList<>();
        for (JsonNode node : lines(json, directory.resolve("passages.jsonl"))) {
            passages.add(new EvalPassage(node.get("pid").asText(), node.path("title").asText(""),
                    node.get("text").asText()));
        }
        List<EvalQuestion> questions = new ArrayList<>();
        for (JsonNode node : lines(json, directory.resolve("questions.jsonl"))) {
            if (!node.path("is_impossible").asBoolean(false)) {
                questions.add(new EvalQuestion(node.get("qid").asText(), node.get("question").asText(),
                        node.get("pid").asText()));
            }
        }
        return new EvalSet(name, passages, questions);
    }

    private static List<JsonNode> lines(ObjectMapper json, Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    nodes.add(json.readTree(line));
                }
            }
        }
        return nodes;
    }
}
