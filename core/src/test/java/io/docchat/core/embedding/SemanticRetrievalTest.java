package io.docchat.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.DocChat;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.memory.InMemoryKnowledgeStore;
import io.docchat.core.memory.InMemoryPassageIndex;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.EmbeddingProgress;
import io.docchat.core.model.Folder;
import io.docchat.core.model.RetrievalMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine with an embedder: passages are searchable by words at once and by meaning once their vectors follow;
 * the three retrieval modes; scores; a rebuilt index that recomputes no vector; and scopes on vector search.
 */
class SemanticRetrievalTest {
    private static final String ME = "acme";
    private static final String OTHER = "globex";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** "automobile" means "car" to the embedder, never to BM25. */
    private static final Map<String, String> SYNONYMS = Map.of("automobile", "car", "automobiles", "car");

    private static DocChat start(HashingEmbedder embedder, RetrievalMode mode) {
        return DocChat.builder().knowledgeStore(new InMemoryKnowledgeStore()).passageIndex(new InMemoryPassageIndex())
                .passageEmbedder(embedder).retrievalMode(mode).build();
    }

    /** An engine holding a document about cars and one about bicycles, both embedded. */
    private static DocChat fleet(RetrievalMode mode) throws InterruptedException {
        DocChat docChat = start(new HashingEmbedder("syn", SYNONYMS), mode);
        Folder folder = docChat.folders().create(ME, null, "fleet");
        ingest(docChat, folder, "cars.txt", "Every car of the fleet is serviced in spring.\n");
        ingest(docChat, folder, "bikes.txt", "Bicycles are checked by their riders every week.\n");
        assertThat(docChat.retrieval().awaitEmbedded(WAIT)).isTrue();
        return docChat;
    }

    private static Document ingest(DocChat docChat, Folder folder, String name, String text) {
        Document document = docChat.documents().submit(ME, folder.id(), name, text.getBytes(StandardCharsets.UTF_8));
        Document done = docChat.documents().awaitProcessed(ME, document.id(), WAIT);
        assertThat(done.status()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
        return done;
    }

    private static List<String> names(List<RetrievedPassage> hits) {
        return hits.stream().map(hit -> hit.document().fileName()).toList();
    }

    private static List<RetrievedPassage> search(DocChat docChat, String query, Set<String> folders) {
        return docChat.retrieval().search(ME, new RetrievalRequest(query, folders, Set.of(), 5));
    }

    @Test
    void meaningFindsWhatWordsMissAndHybridKeepsBoth() throws Exception {
        try (DocChat docChat = fleet(RetrievalMode.HYBRID)) {
            List<RetrievedPassage> hybrid = search(docChat, "When are automobiles serviced?", Set.of());
            assertThat(names(hybrid)).first().isEqualTo("cars.txt");
            RetrievedPassage top = hybrid.get(0);
            assertThat(top.semanticScore()).isGreaterThan(0.3f);
            assertThat(top.lexicalScore()).isGreaterThan(0f);
            assertThat(top.score()).isPositive().isNotEqualTo(top.lexicalScore());
            assertThat(docChat.retrieval().embeddingProgress(ME, top.document().id()))
                    .isEqualTo(new EmbeddingProgress(1, 1));
        }
        try (DocChat lexical = fleet(RetrievalMode.LEXICAL)) {
            assertThat(names(search(lexical, "automobile", Set.of()))).isEmpty();
        }
        try (DocChat semantic = fleet(RetrievalMode.SEMANTIC)) {
            List<RetrievedPassage> hits = search(semantic, "automobile", Set.of());
            assertThat(names(hits)).first().isEqualTo("cars.txt");
            assertThat(hits.get(0).lexicalScore()).isZero();
            assertThat(hits.get(0).semanticScore()).isEqualTo(hits.get(0).score());
        }
    }

    @Test
    void aDocumentIsSearchableByWordsBeforeItsVectorsExist() throws Exception {
        HashingEmbedder embedder = new HashingEmbedder("syn", SYNONYMS);
        embedder.blockUntilReleased();
        try (DocChat docChat = start(embedder, RetrievalMode.HYBRID)) {
            Folder folder = docChat.folders().create(ME, null, "fleet");
            Document cars = ingest(docChat, folder, "cars.txt", "Every car of the fleet is serviced in spring.\n");

            assertThat(names(search(docChat, "car serviced", Set.of()))).containsExactly("cars.txt");
            assertThat(docChat.retrieval().embeddingProgress(ME, cars.id())).isEqualTo(new EmbeddingProgress(1, 0));
            embedder.release();
            assertThat(docChat.retrieval().awaitEmbedded(WAIT)).isTrue();
            assertThat(names(search(docChat, "automobile", Set.of()))).containsExactly("cars.txt");
        }
    }

    @Test
    void aRebuiltIndexGetsItsVectorsFromTheStoreWithoutEmbeddingAgain() throws Exception {
        HashingEmbedder embedder = new HashingEmbedder("syn", SYNONYMS);
        try (DocChat docChat = start(embedder, RetrievalMode.SEMANTIC)) {
            Folder folder = docChat.folders().create(ME, null, "fleet");
            ingest(docChat, folder, "cars.txt", "Every car of the fleet is serviced in spring.\n");
            assertThat(docChat.retrieval().awaitEmbedded(WAIT)).isTrue();
            int embedded = embedder.embedded.size();

            docChat.reindex();

            assertThat(names(search(docChat, "automobile", Set.of()))).containsExactly("cars.txt");
            assertThat(embedder.embedded).hasSize(embedded);
        }
    }

    @Test
    void vectorSearchKeepsToTheScopeAndTheAccount() throws Exception {
        HashingEmbedder embedder = new HashingEmbedder("syn", SYNONYMS);
        try (DocChat docChat = start(embedder, RetrievalMode.SEMANTIC)) {
            Folder inside = docChat.folders().create(ME, null, "inside");
            Folder outside = docChat.folders().create(ME, null, "outside");
            ingest(docChat, inside, "a.txt", "The car is red.\n");
            ingest(docChat, outside, "b.txt", "The car is blue.\n");
            Folder theirs = docChat.folders().create(OTHER, null, "theirs");
            docChat.documents().awaitProcessed(OTHER, docChat.documents().submit(OTHER, theirs.id(), "c.txt",
                    "The car is green.\n".getBytes(StandardCharsets.UTF_8)).id(), WAIT);
            assertThat(docChat.retrieval().awaitEmbedded(WAIT)).isTrue();

            assertThat(names(search(docChat, "automobile", Set.of(inside.id())))).containsExactly("a.txt");
            assertThat(names(search(docChat, "automobile", Set.of()))).containsExactlyInAnyOrder("a.txt", "b.txt");
        }
    }
}
