package io.docchat.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.api.ChatEvent;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.ChatStream;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Citation;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Session;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chat stream against a model that writes only when told to, like a slow remote backend: cancellation from
 * another thread while the puller waits, and citations of a model that learns them while writing.
 */
@Timeout(60)
class ChatStreamTest {
    private static final String ME = "acme";

    private final RemoteLikeModel model = new RemoteLikeModel();
    private DocChat docChat;
    private Session session;

    @BeforeEach
    void setUp() {
        docChat = DocChat.builder().answerModel(model).build();
        Folder folder = docChat.folders().create(ME, null, "plant");
        for (String text : List.of("The cooling tower fan has six blades.\nIts gearbox oil is changed yearly.",
                "The cooling tower basin is cleaned in April.")) {
            var doc = docChat.documents().submit(ME, folder.id(), text.length() + ".txt", text.getBytes(StandardCharsets.UTF_8));
            assertThat(docChat.documents().awaitProcessed(ME, doc.id(), Duration.ofSeconds(30)).status())
                    .isEqualTo(DocumentStatus.PARSING_COMPLETED);
        }
        session = docChat.sessions().create(ME, folder.id(), "tower", null);
    }

    @AfterEach
    void tearDown() {
        docChat.close();
    }

    @Test
    void cancelFromAnotherThreadEndsABlockedPullAndStoresThePartialAnswerOnce() throws Exception {
        ChatStream stream = docChat.chat().stream(ME, new ChatRequest(session.id(), "How is the cooling tower maintained?"));
        assertThat(stream.next()).isInstanceOf(ChatEvent.Started.class);
        model.write("The basin ");
        assertThat(stream.next()).isEqualTo(new ChatEvent.Delta("The basin "));

        CompletableFuture<ChatEvent> blockedPull = CompletableFuture.supplyAsync(stream::next);
        assertThat(model.awaitPulled()).isTrue();
        stream.cancel();
        ChatEvent end = blockedPull.get(30, TimeUnit.SECONDS);
        stream.close();

        assertThat(end).isInstanceOf(ChatEvent.Interrupted.class);
        ChatItem item = ((ChatEvent.Interrupted) end).item();
        assertThat(item.status()).isEqualTo(ChatStatus.INTERRUPTED);
        assertThat(item.answer()).isEqualTo("The basin ");
        assertThat(stream.hasNext()).isFalse();
        assertThat(model.closed).isTrue();
        assertThat(docChat.chat().history(ME, session.id(), PageRequest.first(10)).items()).containsExactly(item);
    }

    @Test
    void modelThatLearnsCitationsWhileWritingIsCitedByWhatItCitedAtTheEnd() {
        try (ChatStream stream = docChat.chat().stream(ME, new ChatRequest(session.id(), "When is the cooling tower basin cleaned?"))) {
            ChatItem started = ((ChatEvent.Started) stream.next()).item();
            // Not known up front: the first event offers every selected passage.
            assertThat(started.citations()).hasSize(2);

            String basin = model.lastPrompt.passages().stream()
                    .filter(p -> p.passage().text().contains("April")).findFirst().orElseThrow().passage().text();
            int number = model.lastPrompt.passages().stream()
                    .filter(p -> p.passage().text().contains("April")).findFirst().orElseThrow().number();
            model.cite(new CitedSpan(number, 0, basin.length()));
            model.write("In April.");
            model.finish();
            assertThat(stream.next()).isEqualTo(new ChatEvent.Delta("In April."));
            ChatEvent end = stream.next();

            ChatItem item = ((ChatEvent.Completed) end).item();
            assertThat(item.answer()).isEqualTo("In April.");
            assertThat(item.citations()).singleElement().extracting(Citation::snippet)
                    .isEqualTo("The cooling tower basin is cleaned in April.");
        }
    }

    @Test
    void modelThatCitesNothingIsCitedByEverySelectedPassage() {
        model.write("Regularly.");
        model.finish();

        ChatItem item = docChat.chat().ask(ME, new ChatRequest(session.id(), "How is the cooling tower maintained?"));

        assertThat(item.status()).isEqualTo(ChatStatus.COMPLETED);
        assertThat(item.citations()).hasSize(2);
    }

    /** Writes what the test tells it to, when it is told; a pull waits meanwhile, as on a network stream. */
    private static final class RemoteLikeModel implements AnswerModel {
        private static final String END = "\u0000end";
        private final BlockingQueue<String> pieces = new LinkedBlockingQueue<>();
        private final BlockingQueue<Boolean> pulls = new LinkedBlockingQueue<>();
        private volatile List<CitedSpan> cited = List.of();
        private volatile boolean closed;
        private volatile AnswerPrompt lastPrompt;

        void write(String text) {
            pieces.add(text);
        }

        void finish() {
            pieces.add(END);
        }

        void cite(CitedSpan span) {
            cited = List.of(span);
        }

        /** Waits for a pull that finds nothing written yet. */
        boolean awaitPulled() throws InterruptedException {
            Boolean pulled;
            do {
                pulled = pulls.poll(30, TimeUnit.SECONDS);
            } while (pulled != null && !pulled);
            return pulled != null;
        }

        @Override
        public AnswerStream answer(AnswerPrompt prompt) {
            lastPrompt = prompt;
            return new AnswerStream() {
                @Override
                public String nextDelta() {
                    pulls.add(pieces.isEmpty());
                    try {
                        while (!closed) {
                            String piece = pieces.poll(10, TimeUnit.MILLISECONDS);
                            if (piece != null) {
                                return piece.equals(END) ? null : piece;
                            }
                        }
                        throw new IllegalStateException("stream closed");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }

                @Override
                public List<CitedSpan> citations() {
                    return cited;
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }
}
