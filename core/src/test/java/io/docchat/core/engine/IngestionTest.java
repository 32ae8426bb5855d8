package io.docchat.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.api.FileSubmission;
import io.docchat.core.api.SubmissionOutcome;
import io.docchat.core.engine.ingest.DocumentService;
import io.docchat.core.memory.InMemoryFileStore;
import io.docchat.core.memory.InMemoryKnowledgeStore;
import io.docchat.core.memory.InMemoryPassageIndex;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.port.FileStore;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Background parsing: limits, timeouts, deletion races, a full queue, and resuming after a restart. */
@Timeout(60)
class IngestionTest {
    private static final String ME = "acme";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KnowledgeStore store = new InMemoryKnowledgeStore();
    private final FileStore files = new InMemoryFileStore();
    private final RollbackIndex index = new RollbackIndex(new InMemoryPassageIndex());

    @Test
    void parserThatOverrunsTheTimeoutFailsTheDocumentAndOthersGoOn() throws Exception {
        GatedParser stubborn = new GatedParser(false, true);
        try (DocChat docChat = DocChat.builder().parser(stubborn).parseTimeout(Duration.ofMillis(200)).build()) {
            Folder folder = docChat.folders().create(ME, null, "inbox");
            Document slow = docChat.documents().submit(ME, folder.id(), "huge.slow", bytes("never finishes"));
            Document text = docChat.documents().submit(ME, folder.id(), "note.txt", bytes("The fan spins at night."));

            Document failed = docChat.documents().awaitProcessed(ME, slow.id(), WAIT);

            assertThat(failed.status()).isEqualTo(DocumentStatus.PARSING_FAILED);
            assertThat(failed.errorMessage()).isEqualTo("Parsing took longer than 200 ms.");
            assertThat(docChat.documents().awaitProcessed(ME, text.id(), WAIT).status())
                    .isEqualTo(DocumentStatus.PARSING_COMPLETED);
        } finally {
            stubborn.open();
        }
    }

    @Test
    void documentDeletedWhileParsingDoesNotComeBack() throws Exception {
        GatedParser gated = new GatedParser(false, false);
        Document doc;
        try (DocChat docChat = engine(gated)) {
            Folder folder = docChat.folders().create(ME, null, "inbox");
            doc = docChat.documents().submit(ME, folder.id(), "report.slow", bytes("The chiller leaks refrigerant."));
            assertThat(gated.awaitEntered()).isTrue();

            docChat.documents().delete(ME, doc.id());
            gated.open();
            assertCode(ErrorCode.DOCUMENT_NOT_FOUND, () -> docChat.documents().awaitProcessed(ME, doc.id(), WAIT));
        }
        // Closing waited for the job: whatever it did afterwards is visible now.
        assertThat(store.findDocument(doc.id())).isEmpty();
        assertThat(store.pages(doc.id())).isEmpty();
        assertThat(store.passagesOfDocument(doc.id())).isEmpty();
        assertThat(index.search(new SearchRequest(ME, "chiller refrigerant", Set.of(), Set.of(), 10))).isEmpty();
        assertThat(files.read(doc.fileKey())).isEmpty();
    }

    @Test
    void unfinishedDocumentsResumeInTheNextEngine() throws Exception {
        GatedParser held = new GatedParser(false, false);
        Document parsing;
        Document pending;
        try (DocChat first = DocChat.builder().knowledgeStore(store).fileStore(files).passageIndex(index)
                .parser(held).ingestThreads(1).build()) {
            Folder folder = first.folders().create(ME, null, "inbox");
            parsing = first.documents().submit(ME, folder.id(), "a.slow", bytes("The boiler room door sticks."));
            assertThat(held.awaitEntered()).isTrue();
            pending = first.documents().submit(ME, folder.id(), "b.slow", bytes("The roof drain is blocked."));
        }
        assertThat(store.findDocument(parsing.id()).orElseThrow().status()).isEqualTo(DocumentStatus.PARSING);
        assertThat(store.findDocument(pending.id()).orElseThrow().status()).isEqualTo(DocumentStatus.PENDING);

        try (DocChat second = engine(new GatedParser(true, false))) {
            assertThat(second.documents().awaitProcessed(ME, parsing.id(), WAIT).status())
                    .isEqualTo(DocumentStatus.PARSING_COMPLETED);
            assertThat(second.documents().awaitProcessed(ME, pending.id(), WAIT).status())
                    .isEqualTo(DocumentStatus.PARSING_COMPLETED);
            assertThat(index.search(new SearchRequest(ME, "roof drain", Set.of(), Set.of(), 10))).isNotEmpty();
        }
    }

    @Test
    void fullQueueRefusesNewSubmissionsAndKeepsNothingOfThem() throws Exception {
        GatedParser gated = new GatedParser(false, false);
        try (DocChat docChat = DocChat.builder().parser(gated).ingestThreads(1).ingestQueueCapacity(1).build()) {
            Folder folder = docChat.folders().create(ME, null, "inbox");
            Document running = docChat.documents().submit(ME, folder.id(), "1.slow", bytes("first"));
            assertThat(gated.awaitEntered()).isTrue();
            Document queued = docChat.documents().submit(ME, folder.id(), "2.slow", bytes("second"));

            assertThatThrownBy(() -> docChat.documents().submit(ME, folder.id(), "3.slow", bytes("third")))
                    .isInstanceOfSatisfying(DocChatException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BUSY);
                        assertThat(e.getMessage()).contains("busy");
                    });
            assertThat(docChat.documents().list(ME, folder.id(), PageRequest.first(10)).items())
                    .extracting(Document::id).containsExactly(running.id(), queued.id());

            gated.open();
            assertThat(docChat.documents().awaitProcessed(ME, queued.id(), WAIT).status())
                    .isEqualTo(DocumentStatus.PARSING_COMPLETED);
            Document retried = docChat.documents().submit(ME, folder.id(), "3.slow", bytes("third"));
            assertThat(docChat.documents().awaitProcessed(ME, retried.id(), WAIT).status())
                    .isEqualTo(DocumentStatus.PARSING_COMPLETED);
        }
    }

    @Test
    void awaitProcessedReturnsTheLatestStateAtTheTimeout() throws Exception {
        GatedParser gated = new GatedParser(false, false);
        try (DocChat docChat = engine(gated)) {
            Folder folder = docChat.folders().create(ME, null, "inbox");
            Document doc = docChat.documents().submit(ME, folder.id(), "a.slow", bytes("text"));
            assertThat(gated.awaitEntered()).isTrue();

            assertThat(docChat.documents().awaitProcessed(ME, doc.id(), Duration.ofMillis(50)).status())
                    .isEqualTo(DocumentStatus.PARSING);
            gated.open();
        }
    }

    @Test
    void sameBytesSubmittedInParallelYieldOneDocument() throws Exception {
        try (DocChat docChat = DocChat.builder().build()) {
            Folder folder = docChat.folders().create(ME, null, "inbox");
            byte[] content = bytes("The same report, uploaded by eight clients at once.");
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<Document>> submissions = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String name = "report-" + i + ".txt";
                    submissions.add(clients.submit(() -> docChat.documents().submit(ME, folder.id(), name, content)));
                }
                Set<Long> ids = new HashSet<>();
                for (Future<Document> submission : submissions) {
                    ids.add(submission.get(30, TimeUnit.SECONDS).id());
                }
                assertThat(ids).hasSize(1);
            } finally {
                clients.shutdownNow();
            }
            assertThat(docChat.documents().list(ME, folder.id(), PageRequest.first(10)).total()).isEqualTo(1);
        }
    }

    @Test
    void submissionsAreValidatedBeforeAnythingIsStored() {
        try (DocChat docChat = DocChat.builder().maxFileBytes(64).build()) {
            Folder folder = docChat.folders().create(ME, null, "inbox");

            Document stripped = docChat.documents().submit(ME, folder.id(), "../../uploads\\2024/notes.txt", bytes("Fan."));
            assertThat(stripped.fileName()).isEqualTo("notes.txt");
            assertThat(stripped.status()).isEqualTo(DocumentStatus.PENDING);
            assertThat(stripped.fileKey()).matches("files/[0-9a-f]{32}");
            assertThat(stripped.contentHash()).isEqualTo(DocumentService.sha256(bytes("Fan.")));

            assertCode(ErrorCode.MISSING_PARAMETER, () -> docChat.documents().submit(ME, folder.id(), "  ", bytes("x")));
            assertCode(ErrorCode.MISSING_PARAMETER, () -> docChat.documents().submit(ME, folder.id(), "dir/", bytes("x")));
            assertCode(ErrorCode.INVALID_PARAMETER, () -> docChat.documents().submit(ME, folder.id(), "README", bytes("x")));
            assertCode(ErrorCode.FOLDER_NOT_FOUND,
                    () -> docChat.documents().submit(ME, "0123456789abcdef0123456789abcdef", "a.txt", bytes("x")));
            assertCode(ErrorCode.PAYLOAD_TOO_LARGE,
                    () -> docChat.documents().submit(ME, folder.id(), "big.txt", bytes("x".repeat(65))));
            assertThat(docChat.documents().list(ME, folder.id(), PageRequest.first(10)).total()).isEqualTo(1);
        }
    }

    @Test
    void aBatchGivesEachFileItsOwnOutcomeAndStoresOnlyWhatItAccepts() throws Exception {
        try (DocChat docChat = DocChat.builder().knowledgeStore(store).fileStore(files).passageIndex(index)
                .maxFileBytes(64).build()) {
            Folder folder = docChat.folders().create(ME, null, "inbox");
            Document earlier = docChat.documents().submit(ME, folder.id(), "pump.txt", bytes("The pump hums."));

            List<SubmissionOutcome> outcomes = docChat.documents().submitAll(ME, folder.id(), List.of(
                    new FileSubmission("fan.txt", bytes("The fan spins at night.")),
                    new FileSubmission("song.mp3", bytes("not a document")),
                    new FileSubmission("again.txt", bytes("The pump hums.")),
                    new FileSubmission("big.txt", bytes("x".repeat(65))),
                    new FileSubmission("fan-copy.txt", bytes("The fan spins at night.")),
                    new FileSubmission(" ", bytes("no name"))));

            assertThat(outcomes).extracting(SubmissionOutcome::fileName)
                    .containsExactly("fan.txt", "song.mp3", "again.txt", "big.txt", "fan-copy.txt", " ");
            assertThat(outcomes).extracting(o -> o.accepted() ? null : o.failure().code()).containsExactly(null,
                    ErrorCode.UNSUPPORTED_DOCUMENT_TYPE, null, ErrorCode.PAYLOAD_TOO_LARGE, null,
                    ErrorCode.MISSING_PARAMETER);
            Document fan = outcomes.get(0).document();
            assertThat(outcomes.get(2).document().id()).isEqualTo(earlier.id());
            assertThat(outcomes.get(4).document().id()).isEqualTo(fan.id());
            assertThat(files.read(fan.fileKey())).hasValueSatisfying(
                    content -> assertThat(content).isEqualTo(bytes("The fan spins at night.")));
            assertThat(docChat.documents().awaitProcessed(ME, fan.id(), WAIT).status())
                    .isEqualTo(DocumentStatus.PARSING_COMPLETED);
            assertThat(docChat.documents().list(ME, folder.id(), PageRequest.first(10)).items())
                    .extracting(Document::fileName).containsExactly("pump.txt", "fan.txt");
            assertCode(ErrorCode.FOLDER_NOT_FOUND, () -> docChat.documents().submitAll(ME, "no-such-folder",
                    List.of(new FileSubmission("a.txt", bytes("a")))));
        }
    }

    private DocChat engine(GatedParser parser) {
        return DocChat.builder().knowledgeStore(store).fileStore(files).passageIndex(index).parser(parser).build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertCode(ErrorCode code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DocChatException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
