package io.docchat.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.memory.InMemoryAccountStore;
import io.docchat.core.memory.InMemoryChatStore;
import io.docchat.core.memory.InMemoryKnowledgeStore;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.FolderNode;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Session;
import io.docchat.core.port.AccountStore;
import io.docchat.core.port.ChatStore;
import io.docchat.core.port.KnowledgeStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules of the facade: what each call accepts, refuses with which code, and how the engine shuts down. */
class FacadeRulesTest {
    private static final String ME = "acme";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DocChat docChat = DocChat.builder().maxQuestionChars(40).parser(new LedgerParser())
            .pageRenderer(new RecordingRenderer()).pageImageDpi(144).build();

    @AfterEach
    void close() {
        docChat.close();
    }

    @Test
    void foldersValidateNamesAndParents() {
        Folder top = docChat.folders().create(ME, null, "  manuals  ");
        assertThat(top.name()).isEqualTo("manuals");
        assertThat(top.id()).matches("[0-9a-f]{32}");
        assertThat(top.parentId()).isNull();
        assertThat(docChat.folders().get(ME, top.id())).isEqualTo(top);

        assertCode(ErrorCode.MISSING_PARAMETER, "folderName", () -> docChat.folders().create(ME, null, " "));
        assertCode(ErrorCode.INVALID_PARAMETER, "folderName", () -> docChat.folders().create(ME, null, "a/b"));
        assertCode(ErrorCode.INVALID_PARAMETER, "folderName", () -> docChat.folders().create(ME, null, "x".repeat(256)));
        assertThat(docChat.folders().create(ME, null, "x".repeat(255)).name()).hasSize(255);
        assertCode(ErrorCode.FOLDER_NOT_FOUND, "folderId",
                () -> docChat.folders().create(ME, "ffffffffffffffffffffffffffffffff", "child"));
    }

    @Test
    void ensurePathFindsOrCreatesEachLevel() {
        Folder leaf = docChat.folders().ensurePath(ME, "manuals/2024/pumps");
        Folder again = docChat.folders().ensurePath(ME, "/manuals//2024/pumps/");
        Folder sibling = docChat.folders().ensurePath(ME, "manuals/2025");

        assertThat(again).isEqualTo(leaf);
        Folder year = docChat.folders().get(ME, leaf.parentId());
        assertThat(year.name()).isEqualTo("2024");
        assertThat(sibling.parentId()).isEqualTo(year.parentId());
        assertThat(docChat.folders().tree(ME)).hasSize(1);
    }

    @Test
    void treeHasLevelsCountsAndSortedChildren() {
        Folder top = docChat.folders().create(ME, null, "plant");
        Folder b = docChat.folders().create(ME, top.id(), "b-hall");
        Folder a = docChat.folders().create(ME, top.id(), "a-hall");
        Folder deep = docChat.folders().create(ME, a.id(), "line");
        Folder other = docChat.folders().create(ME, null, "archive");
        ingest(a, "one.ledger", "LEDGER\nfirst");
        ingest(a, "two.ledger", "LEDGER\nsecond");

        List<FolderNode> tree = docChat.folders().tree(ME);

        assertThat(tree).extracting(n -> n.folder().id()).containsExactly(other.id(), top.id());
        FolderNode plant = tree.get(1);
        assertThat(plant.level()).isEqualTo(1);
        assertThat(plant.children()).extracting(n -> n.folder().id()).containsExactly(a.id(), b.id());
        FolderNode hallA = plant.children().get(0);
        assertThat(hallA.level()).isEqualTo(2);
        assertThat(hallA.documentCount()).isEqualTo(2);
        assertThat(plant.documentCount()).isZero();
        assertThat(hallA.children()).singleElement().satisfies(n -> {
            assertThat(n.folder().id()).isEqualTo(deep.id());
            assertThat(n.level()).isEqualTo(3);
        });
    }

    @Test
    void deletingFoldersRefusesNonEmptyOnes() {
        Folder top = docChat.folders().create(ME, null, "plant");
        Folder child = docChat.folders().create(ME, top.id(), "hall");

        assertCode(ErrorCode.FOLDER_NOT_EMPTY, "folderId", () -> docChat.folders().delete(ME, top.id()));
        Document doc = ingest(child, "log.ledger", "LEDGER\nentry");
        assertCode(ErrorCode.FOLDER_NOT_EMPTY, "folderId", () -> docChat.folders().delete(ME, child.id()));
        docChat.documents().delete(ME, doc.id());
        docChat.folders().delete(ME, child.id());
        docChat.folders().delete(ME, top.id());

        assertThat(docChat.folders().tree(ME)).isEmpty();
        assertCode(ErrorCode.FOLDER_NOT_FOUND, "folderId", () -> docChat.folders().delete(ME, top.id()));
    }

    @Test
    void sessionsValidateAndListNewestFirst() {
        Folder folder = docChat.folders().create(ME, null, "plant");
        Session first = docChat.sessions().create(ME, folder.id(), " Pumps ", null);
        Session second = docChat.sessions().create(ME, folder.id(), "Valves", "alice");

        assertThat(first.name()).isEqualTo("Pumps");
        assertThat(first.userId()).isEqualTo(ME);
        assertThat(first.id()).matches("[0-9a-f]{32}");
        assertThat(second.userId()).isEqualTo("alice");
        assertCode(ErrorCode.MISSING_PARAMETER, "name", () -> docChat.sessions().create(ME, folder.id(), "  ", null));
        assertCode(ErrorCode.INVALID_PARAMETER, "name",
                () -> docChat.sessions().create(ME, folder.id(), "n".repeat(201), null));
        assertCode(ErrorCode.FOLDER_NOT_FOUND, "folderId",
                () -> docChat.sessions().create(ME, "ffffffffffffffffffffffffffffffff", "x", null));

        assertThat(docChat.sessions().list(ME, null, null, PageRequest.first(10)).items())
                .extracting(Session::id).containsExactly(second.id(), first.id());
        assertThat(docChat.sessions().list(ME, "alice", null, PageRequest.first(10)).items())
                .extracting(Session::id).containsExactly(second.id());
        assertThat(docChat.sessions().list(ME, null, "pum", PageRequest.first(10)).items())
                .extracting(Session::id).containsExactly(first.id());

        assertThat(docChat.sessions().rename(ME, first.id(), "Pumps and motors").name()).isEqualTo("Pumps and motors");
        docChat.sessions().delete(ME, second.id());
        assertCode(ErrorCode.SESSION_NOT_FOUND, "sessionId", () -> docChat.sessions().get(ME, second.id()));
    }

    @Test
    void questionsAreValidatedBeforeAnything() {
        Folder scope = docChat.folders().create(ME, null, "plant");
        Folder outside = docChat.folders().create(ME, null, "office");
        Folder inside = docChat.folders().create(ME, scope.id(), "hall");
        Document inScope = ingest(inside, "in.ledger", "LEDGER\nThe pump in hall A hums.");
        Document outOfScope = ingest(outside, "out.ledger", "LEDGER\nThe printer jams.");
        Session session = docChat.sessions().create(ME, scope.id(), "s", null);

        assertCode(ErrorCode.MISSING_PARAMETER, "question", () -> docChat.chat().stream(ME, new ChatRequest(session.id(), " ")));
        assertCode(ErrorCode.INVALID_PARAMETER, "question",
                () -> docChat.chat().stream(ME, new ChatRequest(session.id(), "q".repeat(41))));
        assertCode(ErrorCode.SESSION_NOT_FOUND, "sessionId",
                () -> docChat.chat().stream(ME, new ChatRequest("ffffffffffffffffffffffffffffffff", "why?")));
        assertCode(ErrorCode.DOCUMENT_NOT_FOUND, "documentId",
                () -> docChat.chat().stream(ME, new ChatRequest(session.id(), "why?", Set.of(999_999L))));
        assertCode(ErrorCode.INVALID_PARAMETER, "documentIds",
                () -> docChat.chat().stream(ME, new ChatRequest(session.id(), "why?", Set.of(outOfScope.id()))));
        assertThat(docChat.chat().history(ME, session.id(), PageRequest.first(10)).total()).isZero();

        var answer = docChat.chat().ask(ME, new ChatRequest(session.id(), "Which pump hums?", Set.of(inScope.id())));
        assertThat(answer.citations()).extracting(c -> c.documentId()).containsOnly(inScope.id());
    }

    @Test
    void retrievalValidatesItsRequest() {
        Folder folder = docChat.folders().create(ME, null, "plant");
        Document doc = ingest(folder, "a.ledger", "LEDGER\nThe boiler needs service in May.");

        assertCode(ErrorCode.MISSING_PARAMETER, "query",
                () -> docChat.retrieval().search(ME, new RetrievalRequest(" ", Set.of(), Set.of(), 5)));
        assertCode(ErrorCode.INVALID_PARAMETER, "topK",
                () -> docChat.retrieval().search(ME, new RetrievalRequest("boiler", Set.of(), Set.of(), 0)));
        assertCode(ErrorCode.INVALID_PARAMETER, "topK",
                () -> docChat.retrieval().search(ME, new RetrievalRequest("boiler", Set.of(), Set.of(), 101)));
        assertCode(ErrorCode.FOLDER_NOT_FOUND, "folderId", () -> docChat.retrieval().search(ME,
                new RetrievalRequest("boiler", Set.of("ffffffffffffffffffffffffffffffff"), Set.of(), 5)));
        assertCode(ErrorCode.DOCUMENT_NOT_FOUND, "documentId",
                () -> docChat.retrieval().search(ME, new RetrievalRequest("boiler", Set.of(), Set.of(404L), 5)));

        var hits = docChat.retrieval().search(ME, new RetrievalRequest("boiler service", Set.of(folder.id()), Set.of(), 100));
        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.document().id()).isEqualTo(doc.id()));
    }

    @Test
    void pageImagesUseTheFirstAcceptingRendererAtTheConfiguredScale() {
        Folder folder = docChat.folders().create(ME, null, "plant");
        Document ledger = ingest(folder, "a.ledger", "LEDGER\nline");
        Document text = ingest(folder, "b.txt", "A plain text note.");

        assertThat(docChat.documents().imageScale()).isEqualTo(2f);
        assertThat(new String(docChat.documents().pageImage(ME, ledger.id(), 1), StandardCharsets.UTF_8))
                .isEqualTo("page 1 at 2.0");
        assertCode(ErrorCode.DOCUMENT_NOT_FOUND, "pageNumber", () -> docChat.documents().pageImage(ME, ledger.id(), 2));
        assertCode(ErrorCode.DOCUMENT_NOT_FOUND, "pageNumber", () -> docChat.documents().pageImage(ME, ledger.id(), 0));
        assertThatThrownBy(() -> docChat.documents().pageImage(ME, text.id(), 1))
                .isInstanceOfSatisfying(DocChatException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENT_NOT_FOUND);
                    assertThat(e.getMessage()).contains("cannot be drawn");
                });
        assertThat(docChat.documents().originalFile(ME, text.id())).isEqualTo(bytes("A plain text note."));
        assertThat(docChat.documents().pages(ME, ledger.id())).hasSize(1);
        assertThat(docChat.documents().markdown(ME, ledger.id())).contains("line");
    }

    @Test
    void closeClosesEachComponentOnceEvenWhenItPlaysSeveralRoles() {
        AtomicInteger closes = new AtomicInteger();
        Object database = sharedDatabase(closes);
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
        DocChat engine = DocChat.builder().clock(clock).knowledgeStore((KnowledgeStore) database)
                .chatStore((ChatStore) database).accountStore((AccountStore) database).build();
        Folder folder = engine.folders().create(ME, null, "plant");
        assertThat(folder.createdAt()).isEqualTo(clock.instant());

        engine.close();
        engine.close();

        assertThat(closes).hasValue(1);
    }

    /** One object serving as the three stores, as a single database adapter does. */
    private static Object sharedDatabase(AtomicInteger closes) {
        KnowledgeStore knowledge = new InMemoryKnowledgeStore();
        ChatStore chats = new InMemoryChatStore();
        AccountStore accounts = new InMemoryAccountStore();
        return Proxy.newProxyInstance(FacadeRulesTest.class.getClassLoader(),
                new Class<?>[] {KnowledgeStore.class, ChatStore.class, AccountStore.class, AutoCloseable.class},
                (proxy, method, args) -> {
                    Class<?> owner = method.getDeclaringClass();
                    if (owner == AutoCloseable.class) {
                        closes.incrementAndGet();
                        return null;
                    }
                    Object target = owner == KnowledgeStore.class ? knowledge
                            : owner == ChatStore.class ? chats
                            : owner == AccountStore.class ? accounts
                            : null;
                    if (target == null) {
                        return owner == Object.class && method.getName().equals("equals") ? proxy == args[0]
                                : owner == Object.class && method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                : "shared database";
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Document ingest(Folder folder, String name, String content) {
        Document submitted = docChat.documents().submit(ME, folder.id(), name, bytes(content));
        Document done = docChat.documents().awaitProcessed(ME, submitted.id(), WAIT);
        assertThat(done.status()).as(done.errorMessage()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
        return done;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertCode(ErrorCode code, String parameter, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DocChatException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.parameter()).isEqualTo(parameter);
        });
    }
}
