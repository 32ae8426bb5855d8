package io.docchat.recovery;

import ch.qos.logback.classic.Level;
import io.docchat.core.DocChat;
import io.docchat.core.api.ChatEvent;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.ChatStream;
import io.docchat.core.model.Account;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Session;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process that {@link AnswerCrashTest} kills while it is answering: it opens the real stack on a data directory,
 * ingests one document, and asks three questions in one session (two as streams, one as a blocking ask) of a model
 * that never finishes. Once the history holds all three with some of their answer saved, it prints
 * {@code ready SESSION_ID} and keeps answering until it is killed.
 *
 * <p>Arguments: data directory.
 */
final class AnsweringChild {

    static final int QUESTIONS = 3;

    private AnsweringChild() {}

    /** The question asked {@code n}-th (from 1): the same in the child and the test. */
    static String question(int n, String marker) {
        return "Question " + n + ": what carries the reference " + marker + "?";
    }

    /** The text the endless model writes, word by word: every partial answer is a prefix of it. */
    static String endlessText(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append("word").append(i).append(' ');
        }
        return text.toString();
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path directory = Path.of(args[0]);
        try (RecoveryStack stack = RecoveryStack.open(directory,
                builder -> builder.answerModel(new EndlessModel()))) {
            DocChat docChat = stack.docChat();
            Folder folder = docChat.folders().ensurePath(Account.LOCAL, "answers");
            TestCorpus.GeneratedDocument generated = TestCorpus.document(22, 0);
            Document document = docChat.documents().submit(Account.LOCAL, folder.id(), generated.fileName(),
                    generated.content());
            docChat.documents().awaitProcessed(Account.LOCAL, document.id(), Duration.ofMinutes(1));
            Session session = docChat.sessions().create(Account.LOCAL, folder.id(), "crash", null);

            for (int n = 1; n < QUESTIONS; n++) {
                ChatStream stream = docChat.chat().stream(Account.LOCAL,
                        new ChatRequest(session.id(), question(n, generated.marker())));
                CountDownLatch started = new CountDownLatch(1);
                Thread puller = new Thread(() -> {
                    while (stream.hasNext()) {
                        if (stream.next() instanceof ChatEvent.Started) {
                            started.countDown();
                        }
                    }
                }, "stream-" + n);
                puller.setDaemon(true);
                puller.start();
                // One at a time, so that the questions are stored in the order asked.
                started.await();
            }
            Thread asker = new Thread(() -> docChat.chat().ask(Account.LOCAL,
                    new ChatRequest(session.id(), question(QUESTIONS, generated.marker()))), "ask");
            asker.setDaemon(true);
            asker.start();

            while (!partialAnswersSaved(docChat, session)) {
                Thread.sleep(50);
            }
            System.out.println("ready " + session.id());
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(2).toMillis());
        }
    }

    private static boolean partialAnswersSaved(DocChat docChat, Session session) {
        List<ChatItem> items = docChat.chat().history(Account.LOCAL, session.id(), PageRequest.first(10)).items();
        return items.size() == QUESTIONS && items.stream().noneMatch(item -> item.answer().isEmpty());
    }

    /** A model that writes one word every 20 ms until it is closed. */
    private static final class EndlessModel implements AnswerModel {
        @Override
        public AnswerStream answer(io.docchat.core.port.AnswerPrompt prompt) {
            return new AnswerStream() {
                private int words;
                private volatile boolean closed;

                @Override
                public String nextDelta() {
                    if (closed) {
                        return null;
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                    return "word" + words++ + " ";
                }

                @Override
                public List<CitedSpan> citations() {
                    return List.of();
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }
}
