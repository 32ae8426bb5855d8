package io.docchat.sqlite;

import io.docchat.core.DocChat;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.embedding.HashingEmbedder;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.RetrievalMode;
import io.docchat.core.port.Embedding;
import io.docchat.core.port.PassageEmbedder;
import io.docchat.core.port.VectorSpace;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The child process of {@link EmbeddingCrashTest}: the engine on a SQLite database with a slow embedder that prints
 * every text it embedded. {@code ingest} submits documents and embeds until it is killed; {@code resume} reopens the
 * same database, waits until every passage has its vector, searches by meaning and exits.
 */
final class EmbeddingCrashChild {
    static final String ACCOUNT = "crash";
    static final String MODEL = "crash-model";
    static final int DOCUMENTS = 40;
    static final int LINES_PER_DOCUMENT = 60;

    private EmbeddingCrashChild() {}

    /** Prints each text after embedding it; slow enough that a kill lands between batches. */
    private static final class PrintingEmbedder implements PassageEmbedder {
        private final HashingEmbedder delegate = new HashingEmbedder(MODEL);
        private final PrintStream out;

        PrintingEmbedder(PrintStream out) {
            this.out = out;
        }

        @Override
        public String modelId() {
            return delegate.modelId();
        }

        @Override
        public List<VectorSpace> spaces() {
            return delegate.spaces();
        }

        @Override
        public List<Embedding> embedPassages(List<String> texts) {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
            List<Embedding> vectors = delegate.embedPassages(texts);
            synchronized (out) {
                for (String text : texts) {
                    out.println("embedded " + text.replace('\n', ' '));
                }
                out.flush();
            }
            return vectors;
        }

        @Override
        public List<Embedding> embedQuery(String text) {
            return delegate.embedQuery(text);
        }
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SqliteDatabase database = SqliteDatabase.open(file);
        DocChat docChat = DocChat.builder()
                .knowledgeStore(database.knowledgeStore()).chatStore(database.chatStore())
                .accountStore(database.accountStore())
                .passageEmbedder(new PrintingEmbedder(out)).retrievalMode(RetrievalMode.SEMANTIC)
                .build();
        if (args[1].equals("ingest")) {
            Folder folder = docChat.folders().create(ACCOUNT, null, "docs");
            List<Document> submitted = new ArrayList<>();
            for (int d = 0; d < DOCUMENTS; d++) {
                StringBuilder text = new StringBuilder();
                for (int line = 0; line < LINES_PER_DOCUMENT; line++) {
                    text.append("Document ").append(d).append(" line ").append(line)
                            .append(" tells how valve ").append(d * 1000 + line).append(" is serviced.\n");
                }
                submitted.add(docChat.documents().submit(ACCOUNT, folder.id(), "doc-" + d + ".txt",
                        text.toString().getBytes(StandardCharsets.UTF_8)));
            }
            for (Document document : submitted) {
                docChat.documents().awaitProcessed(ACCOUNT, document.id(), Duration.ofMinutes(2));
            }
            out.println("ingested");
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        } else {
            boolean done = docChat.retrieval().awaitEmbedded(Duration.ofMinutes(3));
            Folder folder = docChat.folders().ensurePath(ACCOUNT, "docs");
            int found = docChat.retrieval().search(ACCOUNT,
                    new RetrievalRequest("valve serviced", Set.of(folder.id()), Set.of(), 10)).size();
            out.println((done ? "idle" : "timeout") + " found " + found);
        }
        docChat.close();
        database.close();
    }
}
