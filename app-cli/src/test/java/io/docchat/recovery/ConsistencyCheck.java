package io.docchat.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.model.Account;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Passage;
import io.docchat.core.model.ResultPage;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.NewPassage;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import io.docchat.core.port.ScoredPassage;
import io.docchat.core.port.SearchRequest;
import io.docchat.core.text.chunking.Chunker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;

/**
 * The checks made after a restart: the database file is intact, every document reached a final state, no document is
 * half visible, deleted documents are gone everywhere, and the index holds exactly the store's passages.
 */
final class ConsistencyCheck {

    private static final int MAX_HITS = 100;
    private static final int COMMON_WORD_QUERIES = 20;

    private final RecoveryStack stack;
    private final KnowledgeStore store;
    private final List<DocumentParser> parsers = RecoveryStack.parsersInEngineOrder();
    private final Chunker chunker = Chunker.defaults();

    ConsistencyCheck(RecoveryStack stack) {
        this.stack = stack;
        this.store = stack.database().knowledgeStore();
    }

    /** {@code PRAGMA integrity_check}, foreign keys, and no page or passage without its document, over plain JDBC. */
    static void assertDatabaseIntact(Path databaseFile) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile)) {
            assertThat(single(connection, "PRAGMA integrity_check")).as("integrity_check").isEqualTo("ok");
            assertThat(single(connection, "SELECT COUNT(*) FROM pragma_foreign_key_check"))
                    .as("foreign key violations").isEqualTo("0");
            assertThat(single(connection,
                    "SELECT COUNT(*) FROM passage WHERE document_id NOT IN (SELECT id FROM document)"))
                    .as("passages without a document").isEqualTo("0");
            assertThat(single(connection,
                    "SELECT COUNT(*) FROM page WHERE document_id NOT IN (SELECT id FROM document)"))
                    .as("pages without a document").isEqualTo("0");
            assertThat(single(connection, "SELECT COUNT(*) FROM passage p JOIN document d ON d.id = p.document_id"
                    + " WHERE d.status <> 'PARSING_COMPLETED'"))
                    .as("passages of documents that are not complete").isEqualTo("0");
        }
    }

    /** Waits until every document is parsed or failed; returns them all, oldest first. */
    List<Document> awaitAllProcessed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        DocChat docChat = stack.docChat();
        for (Document document : allDocuments()) {
            if (!document.status().isFinal()) {
                long left = Math.max(0, deadline - System.nanoTime());
                docChat.documents().awaitProcessed(Account.LOCAL, document.id(), Duration.ofNanos(left));
            }
        }
        awaitIndexCaughtUp(deadline);
        List<Document> documents = allDocuments();
        assertThat(documents).as("documents within %d s of the restart", TimeUnit.NANOSECONDS.toSeconds(
                timeout.toNanos())).allSatisfy(document -> assertThat(document.status())
                .as("status of %s (%s)", document.id(), document.fileName())
                .isIn(DocumentStatus.PARSING_COMPLETED, DocumentStatus.PARSING_FAILED));
        return documents;
    }

    /**
     * Waits until the index has applied every change of the store. A document turns complete in the store before its
     * passages reach the index (see {@link CompletedDocumentVisibilityTest}), so the last one to finish may still be
     * on its way into the index when its status is read.
     */
    private void awaitIndexCaughtUp(long deadline) {
        long storeSequence = store.lastSequence();
        while (stack.index().appliedSequence() < storeSequence && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the index", e);
            }
        }
        assertThat(stack.index().appliedSequence()).as("sequence applied by the index").isEqualTo(storeSequence);
    }

    /** Every document of the account, oldest first. */
    List<Document> allDocuments() {
        List<Document> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            ResultPage<Document> result = stack.docChat().documents()
                    .list(Account.LOCAL, null, new PageRequest(page, PageRequest.MAX_SIZE));
            all.addAll(result.items());
            if (page >= result.totalPages()) {
                return all;
            }
        }
    }

    /**
     * Checks the store and the index against each other and against the original files.
     *
     * @param documents every document of the account, all final
     * @param submitted documents reported submitted; those whose deletion was never started must still exist
     * @param deleting  documents whose deletion was started: they may exist or not, but wholly either way
     * @param deleted   documents reported deleted: gone from the store, the files and the index
     */
    void assertConsistent(List<Document> documents, Collection<ReportedDocument> submitted,
            Collection<ReportedDocument> deleting, Collection<ReportedDocument> deleted) {
        SoftAssertions softly = new SoftAssertions();
        Set<Long> present = new TreeSet<>();
        documents.forEach(document -> present.add(document.id()));
        Set<Long> deletionStarted = new TreeSet<>();
        deleting.forEach(document -> deletionStarted.add(document.id()));
        deleted.forEach(document -> deletionStarted.add(document.id()));

        for (ReportedDocument document : submitted) {
            if (!deletionStarted.contains(document.id())) {
                softly.assertThat(present).as("submitted document %d (%s) is still there", document.id(),
                        document.fileName()).contains(document.id());
            }
        }
        for (ReportedDocument document : deleted) {
            assertDeleted(softly, document);
        }
        for (Document document : documents) {
            softly.assertThat(document.status()).as("status of %d (%s), error: %s", document.id(),
                    document.fileName(), document.errorMessage()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
            if (document.status() == DocumentStatus.PARSING_COMPLETED) {
                assertWhole(softly, document);
            }
        }
        for (String word : TestCorpus.commonWords(COMMON_WORD_QUERIES)) {
            List<Long> hits = rawSearch(word);
            softly.assertThat(hits).as("raw hits for '%s'", word).isNotEmpty();
            List<Long> known = store.passages(hits).stream().map(Passage::id).toList();
            softly.assertThat(new TreeSet<>(known)).as("passage ids of the store among the hits for '%s'", word)
                    .isEqualTo(new TreeSet<>(hits));
        }
        softly.assertAll();
    }

    /**
     * Files under the file store's directory that no document refers to: left by a process killed between storing a
     * file and recording its document, or between deleting a document and deleting its file.
     */
    List<Path> unreferencedFiles(List<Document> documents) throws IOException {
        Path root = stack.files().root();
        Set<Path> referenced = new HashSet<>();
        documents.forEach(document -> referenced.add(root.resolve(document.fileKey() + ".bin")));
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).filter(path -> !referenced.contains(path)).sorted().toList();
        }
    }

    /** For each completed document, the passage ids the index returns for its marker, over the whole account. */
    Map<String, Set<Long>> markerHits(List<Document> documents) {
        Map<String, Set<Long>> hits = new TreeMap<>();
        for (Document document : documents) {
            if (document.status() == DocumentStatus.PARSING_COMPLETED) {
                String marker = marker(document.fileName());
                hits.put(marker, new TreeSet<>(rawSearch(marker)));
            }
        }
        return hits;
    }

    private void assertDeleted(SoftAssertions softly, ReportedDocument document) {
        softly.assertThat(store.findDocument(document.id())).as("deleted document %d (%s) in the store",
                document.id(), document.fileName()).isEmpty();
        softly.assertThat(store.passagesOfDocument(document.id())).as("passages of deleted document %d",
                document.id()).isEmpty();
        softly.assertThat(store.pages(document.id())).as("pages of deleted document %d", document.id()).isEmpty();
        softly.assertThat(stack.files().read(document.fileKey())).as("file %s of deleted document %d",
                document.fileKey(), document.id()).isEmpty();
        String marker = marker(document.fileName());
        softly.assertThat(rawSearch(marker)).as("raw hits for the marker %s of deleted document %d", marker,
                document.id()).isEmpty();
        softly.assertThat(stack.docChat().retrieval().search(Account.LOCAL,
                        new RetrievalRequest(marker, Set.of(), Set.of(), MAX_HITS)))
                .as("retrieval of the marker %s of deleted document %d", marker, document.id()).isEmpty();
    }

    /** The document's stored content equals a fresh parse of its file, and the index finds exactly its passages. */
    private void assertWhole(SoftAssertions softly, Document document) {
        String what = document.id() + " (" + document.fileName() + ")";
        byte[] original = stack.docChat().documents().originalFile(Account.LOCAL, document.id());
        softly.assertThat(sha256(original)).as("hash of the file of %s", what).isEqualTo(document.contentHash());

        ParsedDocument parsed = parse(document.fileName(), original);
        softly.assertThat(store.pages(document.id())).as("pages of %s", what).isEqualTo(parsed.pages());
        softly.assertThat(document.pageCount()).as("page count of %s", what).isEqualTo(parsed.pages().size());
        List<NewPassage> expected = chunker.chunk(parsed.pages());
        List<Passage> stored = store.passagesOfDocument(document.id());
        softly.assertThat(stored.stream().map(ConsistencyCheck::asNew).toList()).as("passages of %s", what)
                .isEqualTo(expected);

        String marker = marker(document.fileName());
        Set<Long> withMarker = new TreeSet<>();
        for (Passage passage : stored) {
            if (passage.text().toLowerCase(Locale.ROOT).contains(marker)) {
                withMarker.add(passage.id());
            }
        }
        softly.assertThat(withMarker).as("stored passages of %s holding its marker %s", what, marker).isNotEmpty();
        softly.assertThat(new TreeSet<>(rawSearch(marker))).as("raw hits for the marker %s of %s", marker, what)
                .isEqualTo(withMarker);

        List<RetrievedPassage> scoped = stack.docChat().retrieval().search(Account.LOCAL,
                new RetrievalRequest(marker, Set.of(), Set.of(document.id()), MAX_HITS));
        Set<Long> scopedIds = new TreeSet<>();
        scoped.forEach(hit -> scopedIds.add(hit.passage().id()));
        softly.assertThat(scopedIds).as("retrieval of %s scoped to it", what).isEqualTo(withMarker);
        List<RetrievedPassage> inFolder = stack.docChat().retrieval().search(Account.LOCAL,
                new RetrievalRequest(marker, Set.of(document.folderId()), Set.of(), MAX_HITS));
        softly.assertThat(inFolder).as("retrieval of %s in its folder", what).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.document().id()).isEqualTo(document.id()));
    }

    /** Passage ids straight from the index, before the engine drops hits the store does not know. */
    List<Long> rawSearch(String query) {
        List<ScoredPassage> hits = stack.index().search(
                new SearchRequest(Account.LOCAL, query, Set.of(), Set.of(), MAX_HITS));
        return hits.stream().map(ScoredPassage::passageId).toList();
    }

    private ParsedDocument parse(String fileName, byte[] content) {
        for (DocumentParser parser : parsers) {
            if (parser.accepts(fileName, content)) {
                ParseResult result = parser.parse(fileName, content);
                assertThat(result).as("parse of %s", fileName).isInstanceOf(ParseResult.Success.class);
                return ((ParseResult.Success) result).document();
            }
        }
        throw new AssertionError("no parser accepts " + fileName);
    }

    private static NewPassage asNew(Passage passage) {
        return new NewPassage(passage.ordinal(), passage.text(), passage.headingPath(), passage.lines(),
                passage.pages());
    }

    private static String marker(String fileName) {
        return TestCorpus.markerOfFileName(fileName)
                .orElseThrow(() -> new AssertionError("not a generated file name: " + fileName));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getString(1);
        }
    }
}
