package io.docchat.benchmarks;

import io.docchat.core.DocChat;
import io.docchat.core.api.ChatEvent;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.ChatStream;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of answering on the embedded stores with the extractive model, against retrieval alone: from the request
 * to the first event (the citations are known), and to the last event (the answer is stored). Each question goes to
 * a new session, as a first question does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class ChatBenchmark {
    private Embedded engine;
    private DocChat docChat;
    private Folder folder;
    private String[] questions;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        engine = Embedded.open();
        docChat = engine.docChat();
        folder = docChat.folders().ensurePath(Account.LOCAL, "bench");
        SyntheticText text = new SyntheticText(20_000, 3);
        Random random = new Random(5);
        List<Long> ids = new ArrayList<>();
        for (int d = 0; d < 500; d++) {
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < 10; p++) {
                body.append(text.passage(random, 60)).append("\n\n");
            }
            Document document = docChat.documents().submit(Account.LOCAL, folder.id(), "doc" + d + ".txt",
                    body.toString().getBytes(StandardCharsets.UTF_8));
            ids.add(document.id());
        }
        for (long id : ids) {
            docChat.documents().awaitProcessed(Account.LOCAL, id, Duration.ofMinutes(5));
        }
        questions = new String[500];
        for (int i = 0; i < questions.length; i++) {
            questions[i] = "What about " + text.query(random, 3) + "?";
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
    }

    private String nextQuestion() {
        String question = questions[next];
        next = (next + 1) % questions.length;
        return question;
    }

    private ChatStream ask() {
        Session session = docChat.sessions().create(Account.LOCAL, folder.id(), "bench", null);
        return docChat.chat().stream(Account.LOCAL, new ChatRequest(session.id(), nextQuestion()));
    }

    @Benchmark
    public ChatEvent requestToFirstEvent() {
        // Closing after the first event cancels the answer, which is stored interrupted: that write is included.
        try (ChatStream stream = ask()) {
            return stream.next();
        }
    }

    @Benchmark
    public ChatEvent requestToLastEvent() {
        try (ChatStream stream = ask()) {
            ChatEvent last = null;
            while (stream.hasNext()) {
                last = stream.next();
            }
            return last;
        }
    }

    @Benchmark
    public List<RetrievedPassage> retrievalOnly() {
        return docChat.retrieval().search(Account.LOCAL,
                new RetrievalRequest(nextQuestion(), Set.of(folder.id()), Set.of(), 5));
    }
}
