package io.docchat.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.model.BlockType;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One account's backlog does not starve another's: waiting documents are parsed in per-account turns. */
class FairIngestionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aLaterAccountIsServedBetweenTheDocumentsOfAnEarlierOne() throws Exception {
        OrderRecordingParser parser = new OrderRecordingParser();
        try (DocChat docChat = DocChat.builder().parser(parser).ingestThreads(1).build()) {
            Folder busy = docChat.folders().create("busy-account", null, "bulk");
            Folder quiet = docChat.folders().create("quiet-account", null, "one");
            List<Document> submitted = new ArrayList<>();
            submitted.add(docChat.documents().submit("busy-account", busy.id(), "b1.queue", text("first bulk")));
            assertThat(parser.firstEntered.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 2; i <= 4; i++) {
                submitted.add(docChat.documents().submit("busy-account", busy.id(), "b" + i + ".queue",
                        text("bulk number " + i)));
            }
            Document single = docChat.documents().submit("quiet-account", quiet.id(), "q1.queue", text("only one"));

            parser.gate.countDown();
            for (Document document : submitted) {
                assertThat(docChat.documents().awaitProcessed("busy-account", document.id(), WAIT).status())
                        .isEqualTo(DocumentStatus.PARSING_COMPLETED);
            }
            assertThat(docChat.documents().awaitProcessed("quiet-account", single.id(), WAIT).status())
                    .isEqualTo(DocumentStatus.PARSING_COMPLETED);
            // First in, first out would have parsed q1 last.
            assertThat(parser.order).containsExactly("b1.queue", "b2.queue", "q1.queue", "b3.queue", "b4.queue");
        }
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses {@code *.queue} files as one line of text, recording the order; the first waits for the gate. */
    private static final class OrderRecordingParser implements DocumentParser {
        private final CountDownLatch firstEntered = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);
        private final List<String> order = Collections.synchronizedList(new ArrayList<>());

        @Override
        public boolean accepts(String fileName, byte[] content) {
            return fileName.endsWith(".queue");
        }

        @Override
        public ParseResult parse(String fileName, byte[] content) {
            order.add(fileName);
            firstEntered.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TextLine line = new TextLine(new String(content, StandardCharsets.UTF_8), null);
            return ParseResult.success(new ParsedDocument(null,
                    List.of(new Page(1, 0, 0, 0, List.of(new TextBlock(BlockType.PARAGRAPH, 0, List.of(line))))),
                    List.of()));
        }
    }
}
