package io.docchat.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A question-answering evaluation set: passages ({@code pid, title, text} per line) and questions
 * ({@code qid, question, answers, pid, is_impossible, all_relevant} per line).
 *
 * @param name      how the set is reported
 * @param passages  the knowledge base of the set, one document per passage
 * @param questions every question, answerable or not
 */
public record QaSet(String name, List<Passage> passages, List<Question> questions) {

    public QaSet {
        passages = List.copyOf(passages);
        questions = List.copyOf(questions);
    }

    /** One retrievable document of the set. */
    public record Passage(String pid, String title, String text) {}

    /**
     * @param answers    gold answer spans (empty for sets that have none, such as claims)
     * @param relevant   the passages that answer it: {@code all_relevant} when given, else its {@code pid}
     * @param impossible true when no passage answers it: the right reply is the refusal
     */
    public record Question(String qid, String question, List<String> answers, Set<String> relevant, boolean impossible) {
        public Question {
            answers = List.copyOf(answers);
            relevant = Set.copyOf(relevant);
        }
    }

    /**
     * Reads a set.
     *
     * @throws IllegalArgumentException when a line is not JSON or lacks a required field (the message names it)
     * @throws UncheckedIOException     when a file cannot be read
     */
    public static QaSet load(String name, Path passagesFile, Path questionsFile) {
        ObjectMapper mapper = new ObjectMapper();
        List<Passage> passages = new ArrayList<>();
        readLines(passagesFile, mapper, node -> passages.add(new Passage(
                required(node, "pid", passagesFile), node.path("title").asText(""), required(node, "text", passagesFile))));
        List<Question> questions = new ArrayList<>();
        readLines(questionsFile, mapper, node -> {
            List<String> answers = new ArrayList<>();
            node.path("answers").forEach(answer -> answers.add(answer.asText()));
            boolean impossible = node.path("is_impossible").asBoolean(false);
            Set<String> relevant = new LinkedHashSet<>();
            node.path("all_relevant").forEach(pid -> relevant.add(pid.asText()));
            if (relevant.isEmpty() && !impossible) {
                relevant.add(required(node, "pid", questionsFile));
            }
            questions.add(new Question(node.path("qid").asText(""), required(node, "question", questionsFile),
                    answers, impossible ? Set.of() : relevant, impossible));
        });
        return new QaSet(name, passages, questions);
    }

    /** All questions, or {@code sample} of them drawn with the seed (the same seed gives the same sample). */
    public List<Question> sample(int sample, long seed) {
        if (sample <= 0 || sample >= questions.size()) {
            return questions;
        }
        List<Question> shuffled = new ArrayList<>(questions);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, sample));
    }

    private static void readLines(Path file, ObjectMapper mapper, Consumer<JsonNode> consumer) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + " line " + number + " is not JSON: " + e.getMessage(), e);
                }
                consumer.accept(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": a line lacks \"" + field + "\": " + node);
        }
        return value.asText();
    }
}
