package io.docchat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.cli.CliException;
import io.docchat.cli.ExitCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A question-answering evaluation set: passages ({@code pid, title, text} per line) and questions
 * ({@code qid, question, answers, pid, is_impossible} per line).
 */
record QaSet(String name, List<Passage> passages, List<Question> questions) {

    record Passage(String pid, String title, String text) {}

    record Question(String qid, String question, List<String> answers, String pid) {}

    static QaSet load(String name, Path passagesFile, Path questionsFile, ObjectMapper mapper) {
        List<Passage> passages = new ArrayList<>();
        readLines(passagesFile, mapper, node -> passages.add(new Passage(
                required(node, "pid", passagesFile), node.path("title").asText(""), required(node, "text", passagesFile))));
        List<Question> questions = new ArrayList<>();
        readLines(questionsFile, mapper, node -> {
            if (node.path("is_impossible").asBoolean(false)) {
                return;
            }
            List<String> answers = new ArrayList<>();
            node.path("answers").forEach(answer -> answers.add(answer.asText()));
            questions.add(new Question(node.path("qid").asText(""), required(node, "question", questionsFile),
                    answers, required(node, "pid", questionsFile)));
        });
        return new QaSet(name, passages, questions);
    }

    /** All questions, or {@code sample} of them drawn with the seed (the same seed gives the same sample). */
    List<Question> sample(int sample, long seed) {
        if (sample <= 0 || sample >= questions.size()) {
            return questions;
        }
        List<Question> shuffled = new ArrayList<>(questions);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, sample));
    }

    private interface LineConsumer {
        void accept(JsonNode node);
    }

    private static void readLines(Path file, ObjectMapper mapper, LineConsumer consumer) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    consumer.accept(mapper.readTree(line));
                } catch (IOException e) {
                    throw new CliException(ExitCodes.USAGE, file + " line " + number + " is not JSON: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.NOT_FOUND, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String required(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new CliException(ExitCodes.USAGE, file + ": a line lacks \"" + field + "\": " + node);
        }
        return value.asText();
    }
}
