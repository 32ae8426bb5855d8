package io.docchat.cluster;

import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.text.parsing.PlainTextParser;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.postgres.PostgresStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * An engine as a docchat node runs it on a shared PostgreSQL database (stores, files and claims in the database, its own
 * Lucene replica), with a short ingestion lease so a test need not wait long for a dead node's work to be taken over,
 * and optionally a parser that takes its time, so a node can be killed while it is parsing.
 */
final class ClusterEngine implements AutoCloseable {
    static final Duration LEASE = Duration.ofSeconds(2);

    private final PostgresStorage storage;
    private final LucenePassageIndex index;
    private final DocChat docChat;

    private ClusterEngine(PostgresStorage storage, LucenePassageIndex index, DocChat docChat) {
        this.storage = storage;
        this.index = index;
        this.docChat = docChat;
    }

    static ClusterEngine open(String url, Path home, Duration parseDelay) {
        PostgresStorage storage = PostgresStorage.open(url);
        try {
            LucenePassageIndex index = LucenePassageIndex.open(home.resolve("index"));
            DocChat docChat = DocChat.builder()
                    .knowledgeStore(storage.knowledgeStore())
                    .chatStore(storage.chatStore())
                    .accountStore(storage.accountStore())
                    .fileStore(storage.fileStore())
                    .ingestClaims(storage.ingestClaims())
                    .ingestLease(LEASE)
                    .ingestThreads(1)
                    .passageIndex(index)
                    .parser(new PacedTextParser(parseDelay))
                    .build();
            return new ClusterEngine(storage, index, docChat);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    DocChat docChat() {
        return docChat;
    }

    PostgresStorage storage() {
        return storage;
    }

    /** True once this node's replica has applied everything the database has committed. */
    boolean indexCaughtUp() {
        return index.appliedSequence() == storage.knowledgeStore().lastSequence();
    }

    /** Passage ids straight from this node's replica. */
    List<Long> rawSearch(String query) {
        return index.search(new SearchRequest(Account.LOCAL, query, Set.of(), Set.of(), 1_000)).stream()
                .map(ScoredPassage::passageId)
                .toList();
    }

    @Override
    public void close() {
        try {
            docChat.close();
        } finally {
            storage.close();
        }
    }

    /** The plain-text parser, after a pause: parsing that takes as long as a large document's would. */
    private record PacedTextParser(Duration delay) implements DocumentParser {
        private static final PlainTextParser TEXT = new PlainTextParser();

        @Override
        public boolean accepts(String fileName, byte[] content) {
            return TEXT.accepts(fileName, content);
        }

        @Override
        public ParseResult parse(String fileName, byte[] content) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TEXT.parse(fileName, content);
        }
    }
}
