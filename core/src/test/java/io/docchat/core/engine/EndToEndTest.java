package io.docchat.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.answer.ExtractiveAnswerModel;
import io.docchat.core.api.ChatEvent;
import io.docchat.core.api.ChatRequest;
import io.docchat.core.api.ChatStream;
import io.docchat.core.api.RetrievalRequest;
import io.docchat.core.api.RetrievedPassage;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole engine on its in-memory adapters, the built-in text parser and the extractive answer model: a folder
 * tree of text documents, sessions scoped to folders, streamed answers with line citations, follow-ups, history,
 * and every way an answer can end.
 */
class EndToEndTest {
    private static final String ME = "acme";
    private static final String OTHER = "globex";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String PUMP_MANUAL = String.join("\n",
            "The P-200 pump moves water from the well to the storage tank.",
            "To prime the P-200 pump, open the bleed screw and fill the housing with clean water.",
            "Close the bleed screw as soon as water flows out without air bubbles.",
            "The motor of the P-200 pump runs on 230 volts and draws 4 amperes.") + "\n";
    private static final String PRICE_LIST = String.join("\n",
            "Price of the V-10 valve: 35 euros per piece.",
            "Price of the P-200 pump: 450 euros per piece.",
            "Price of the K-5 filter kit: 20 euros per piece.") + "\n";
    private static final String VALVE_GUIDE = String.join("\n",
            "The V-10 valve shuts off the water supply to the garden.",
            "Turn the red handle of the V-10 valve clockwise to close it.",
            "The actuator of the V-10 valve runs on 24 volts.") + "\n";
    /** Same words as the pump manual, but in a folder outside the sessions' scope. */
    private static final String OLD_PUMP_NOTES = String.join("\n",
            "Archived note about an older unit.",
            "To prime the P-200 pump, open the bleed screw and fill the housing with clean water.") + "\n";

    private SwitchableAnswerModel model;
    private DocChat docChat;
    private Folder manuals;
    private Folder pumps;
    private Folder valves;
    private Folder archive;
    private Document pumpManual;
    private Document oldPumpNotes;

    @BeforeEach
    void buildKnowledgeBase() {
        model = new SwitchableAnswerModel(new ExtractiveAnswerModel());
        docChat = DocChat.builder().answerModel(model).parser(new LedgerParser()).build();
        manuals = docChat.folders().create(ME, null, "manuals");
        pumps = docChat.folders().create(ME, manuals.id(), "pumps");
        valves = docChat.folders().create(ME, manuals.id(), "valves");
        archive = docChat.folders().create(ME, null, "archive");
        pumpManual = ingest(pumps, "pump-p200.txt", PUMP_MANUAL);
        ingest(pumps, "prices.txt", PRICE_LIST);
        ingest(valves, "valve-v10.txt", VALVE_GUIDE);
        oldPumpNotes = ingest(archive, "old-pump-notes.txt", OLD_PUMP_NOTES);
    }

    @AfterEach
    void close() {
        docChat.close();
    }

    @Test
    void answerStreamsInSeveralDeltasAndCitesTheLineThatHoldsIt() {
        Session session = docChat.sessions().create(ME, manuals.id(), "pumps", null);

        List<ChatEvent> events = drain(docChat.chat().stream(ME, new ChatRequest(session.id(), "How do I prime the P-200 pump?")));

        assertThat(events.get(0)).isInstanceOf(ChatEvent.Started.class);
        ChatItem started = ((ChatEvent.Started) events.get(0)).item();
        assertThat(started.answer()).isEmpty();
        assertThat(started.folderId()).isEqualTo(manuals.id());
        assertThat(started.folderName()).isEqualTo("manuals");
        List<String> deltas = deltas(events);
        assertThat(deltas).hasSizeGreaterThanOrEqualTo(2);
        ChatEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOf(ChatEvent.Completed.class);
        ChatItem answer = ((ChatEvent.Completed) last).item();
        assertThat(answer.status()).isEqualTo(ChatStatus.COMPLETED);
        assertThat(answer.answer()).isEqualTo(String.join("", deltas)).contains("bleed screw");

        Citation citation = answer.citations().get(0);
        assertThat(citation.documentId()).isEqualTo(pumpManual.id());
        assertThat(citation.documentName()).isEqualTo("pump-p200.txt");
        // The citation quotes what answers: the clause with the steps, not the one that repeats the question.
        assertThat(citation.snippet()).contains("open the bleed screw").doesNotContain("To prime");
        CitedPage page = citation.pages().get(0);
        assertThat(page.pageNumber()).isEqualTo(1);
        assertThat(page.lines()).extracting(CitedLine::lineNumber).contains(2);
        assertThat(page.lines()).filteredOn(line -> line.lineNumber() == 2).extracting(CitedLine::text)
                .containsExactly("To prime the P-200 pump, open the bleed screw and fill the housing with clean water.");
        // The up-front citations of the extractive model are the final ones.
        assertThat(started.citations()).isEqualTo(answer.citations());
        assertThat(((ChatEvent.Completed) last).timings().answerNanos()).isPositive();

        assertThat(docChat.chat().history(ME, session.id(), PageRequest.first(10)).items()).containsExactly(answer);
    }

    @Test
    void sessionOnTheParentFolderSeesSubfoldersButNotSiblingFolders() {
        Session session = docChat.sessions().create(ME, manuals.id(), "pumps", null);

        ChatItem answer = ask(session, "How do I prime the P-200 pump?");

        assertThat(citedDocuments(answer)).contains(pumpManual.id()).doesNotContain(oldPumpNotes.id());
        // The archived note does hold the words: a session on its folder finds it, so scope is what kept it out above.
        Session archived = docChat.sessions().create(ME, archive.id(), "archive", null);
        assertThat(citedDocuments(ask(archived, "How do I prime the P-200 pump?"))).containsExactly(oldPumpNotes.id());
        // A valve question in the parent folder's session reaches the other subfolder.
        assertThat(ask(session, "How do I close the V-10 valve?").citations())
                .extracting(Citation::documentName).contains("valve-v10.txt");
    }

    @Test
    void followUpQuestionUsesThePreviousTurn() {
        Session pumpTalk = docChat.sessions().create(ME, manuals.id(), "pumps", null);
        Session valveTalk = docChat.sessions().create(ME, manuals.id(), "valves", null);
        ask(pumpTalk, "How do I prime the P-200 pump?");
        ask(valveTalk, "How do I close the V-10 valve?");

        ChatItem aboutPump = ask(pumpTalk, "How many volts does it need?");
        ChatItem aboutValve = ask(valveTalk, "How many volts does it need?");

        // The same words, answered from different passages: only the previous turn tells them apart.
        assertThat(aboutPump.answer()).contains("230 volts").doesNotContain("24 volts");
        assertThat(aboutValve.answer()).contains("24 volts").doesNotContain("230 volts");
        Citation pumpCitation = aboutPump.citations().get(0);
        assertThat(pumpCitation.documentId()).isEqualTo(pumpManual.id());
        assertThat(pumpCitation.pages().get(0).lines()).extracting(CitedLine::lineNumber).contains(4);
        assertThat(aboutValve.citations()).extracting(Citation::documentName).containsExactly("valve-v10.txt");
    }

    @Test
    void questionAboutSomethingAbsentGetsNoRelatedContent() {
        Session session = docChat.sessions().create(ME, manuals.id(), "pumps", null);
        int callsBefore = model.calls();

        ChatItem answer = ask(session, "Which astronaut first walked on the moon?");

        assertThat(answer.answer()).isEqualTo(ChatItem.NO_RELATED_CONTENT);
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.status()).isEqualTo(ChatStatus.COMPLETED);
        assertThat(model.calls()).as("nothing retrieved, so the model is not asked").isEqualTo(callsBefore);
    }

    @Test
    void historyPagesAreOldestFirstWithTotals() {
        Session session = docChat.sessions().create(ME, manuals.id(), "pumps", null);
        List<String> questions = List.of("How do I prime the P-200 pump?", "What voltage does the P-200 motor need?",
                "How do I close the V-10 valve?", "What does the K-5 filter kit cost?", "Where does the P-200 pump move water?");
        for (String question : questions) {
            ask(session, question);
        }

        ResultPage<ChatItem> first = docChat.chat().history(ME, session.id(), new PageRequest(1, 2));
        ResultPage<ChatItem> second = docChat.chat().history(ME, session.id(), new PageRequest(2, 2));
        ResultPage<ChatItem> third = docChat.chat().history(ME, session.id(), new PageRequest(3, 2));

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.items()).extracting(ChatItem::question).containsExactly(questions.get(0), questions.get(1));
        assertThat(second.items()).extracting(ChatItem::question).containsExactly(questions.get(2), questions.get(3));
        assertThat(third.items()).extracting(ChatItem::question).containsExactly(questions.get(4));
        assertThat(second.page()).isEqualTo(2);
    }

    @Test
    void cancellingMidStreamStoresTheItemInterruptedWithThePartialAnswer() {
        Session session = docChat.sessions().create(ME, manuals.id(), "pumps", null);
        String question = "How do I prime the P-200 pump and close the bleed screw?";
        String fullAnswer = ask(docChat.sessions().create(ME, manuals.id(), "reference", null), question).answer();

        ChatItem interrupted;
        String firstDelta;
        try (ChatStream stream = docChat.chat().stream(ME, new ChatRequest(session.id(), question))) {
            assertThat(stream.next()).isInstanceOf(ChatEvent.Started.class);
            firstDelta = ((ChatEvent.Delta) stream.next()).text();
            stream.cancel();
            stream.cancel();
            ChatEvent end = stream.next();
            assertThat(end).isInstanceOf(ChatEvent.Interrupted.class);
            assertThat(stream.hasNext()).isFalse();
            interrupted = ((ChatEvent.Interrupted) end).item();
        }

        assertThat(interrupted.status()).isEqualTo(ChatStatus.INTERRUPTED);
        assertThat(interrupted.answer()).isEqualTo(firstDelta);
        assertThat(fullAnswer).startsWith(firstDelta).isNotEqualTo(firstDelta);
        assertThat(docChat.chat().history(ME, session.id(), PageRequest.first(10)).items()).containsExactly(interrupted);
    }

    @Test
    void closingAnUnfinishedStreamStoresItInterruptedOnce() {
        Session session = docChat.sessions().create(ME, manuals.id(), "pumps", null);

        try (ChatStream stream = docChat.chat().stream(ME, new ChatRequest(session.id(), "How do I prime the P-200 pump?"))) {
            stream.next();
        }

        List<ChatItem> items = docChat.chat().history(ME, session.id(), PageRequest.first(10)).items();
        assertThat(items).hasSize(1);
        assertThat(items.get(0).status()).isEqualTo(ChatStatus.INTERRUPTED);
        assertThat(items.get(0).answer()).isEmpty();
    }

    @Test
    void modelFailingMidAnswerStoresTheItemFailedWithThePartialAnswer() {
        Session session = docChat.sessions().create(ME, manuals.id(), "pumps", null);
        model.failAfterDeltas(1);

        List<ChatEvent> events = drain(docChat.chat().stream(ME, new ChatRequest(session.id(), "How do I prime the P-200 pump?")));

        ChatEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOf(ChatEvent.Failed.class);
        ChatEvent.Failed failed = (ChatEvent.Failed) last;
        assertThat(failed.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE);
        assertThat(failed.item().status()).isEqualTo(ChatStatus.FAILED);
        assertThat(failed.item().answer()).isEqualTo(String.join("", deltas(events))).isNotEmpty();
        assertThat(failed.item().errorMessage()).contains("closed the connection");
        assertThat(docChat.chat().history(ME, session.id(), PageRequest.first(10)).items()).containsExactly(failed.item());
    }

    @Test
    void modelUnavailableAtOpenStoresNothing() {
        Session session = docChat.sessions().create(ME, manuals.id(), "pumps", null);
        model.unavailable(true);

        assertThatThrownBy(() -> docChat.chat().stream(ME, new ChatRequest(session.id(), "How do I prime the P-200 pump?")))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE));

        assertThat(docChat.chat().history(ME, session.id(), PageRequest.first(10)).total()).isZero();
    }

    @Test
    void deletedDocumentNoLongerAnswers() {
        Session session = docChat.sessions().create(ME, manuals.id(), "pumps", null);
        assertThat(citedDocuments(ask(session, "How do I prime the P-200 pump?"))).contains(pumpManual.id());

        docChat.documents().delete(ME, pumpManual.id());

        ChatItem after = ask(session, "How do I prime the P-200 pump?");
        assertThat(citedDocuments(after)).doesNotContain(pumpManual.id());
        assertThat(after.answer()).doesNotContain("bleed screw");
        assertThat(search(ME, "prime bleed screw housing", Set.of(manuals.id())))
                .extracting(hit -> hit.document().id()).doesNotContain(pumpManual.id());
        assertThatThrownBy(() -> docChat.documents().get(ME, pumpManual.id())).satisfies(
                e -> assertThat(((DocChatException) e).code()).isEqualTo(ErrorCode.DOCUMENT_NOT_FOUND));
    }

    @Test
    void sameBytesTwiceInOneFolderGiveTheSameDocument() {
        byte[] bytes = PUMP_MANUAL.getBytes(StandardCharsets.UTF_8);

        Document again = docChat.documents().submit(ME, pumps.id(), "pump-copy.txt", bytes);
        Document elsewhere = docChat.documents().submit(ME, valves.id(), "pump-p200.txt", bytes);

        assertThat(again.id()).isEqualTo(pumpManual.id());
        assertThat(again.fileName()).isEqualTo("pump-p200.txt");
        assertThat(elsewhere.id()).isNotEqualTo(pumpManual.id());
        assertThat(docChat.documents().list(ME, pumps.id(), PageRequest.first(10)).total()).isEqualTo(2);
    }

    @Test
    void badFilesFailWithAClearReasonWithoutDisturbingOthers() {
        Document corrupt = docChat.documents().submit(ME, pumps.id(), "march.ledger", bytes("LEDGR\nbroken"));
        Document crashing = docChat.documents().submit(ME, pumps.id(), "april.ledger", bytes("LEDGER\nCRASH"));
        Document good = docChat.documents().submit(ME, pumps.id(), "may.ledger", bytes("LEDGER\nThe pump log shows 12 starts in May."));

        Document corruptDone = docChat.documents().awaitProcessed(ME, corrupt.id(), WAIT);
        Document crashingDone = docChat.documents().awaitProcessed(ME, crashing.id(), WAIT);
        Document goodDone = docChat.documents().awaitProcessed(ME, good.id(), WAIT);

        assertThat(corruptDone.status()).isEqualTo(DocumentStatus.PARSING_FAILED);
        assertThat(corruptDone.errorMessage()).isEqualTo("The ledger file is damaged: its signature is missing.");
        assertThat(crashingDone.status()).isEqualTo(DocumentStatus.PARSING_FAILED);
        assertThat(crashingDone.errorMessage()).contains("ledger table index out of range");
        assertThat(goodDone.status()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
        assertThat(docChat.documents().get(ME, pumpManual.id()).status()).isEqualTo(DocumentStatus.PARSING_COMPLETED);

        long before = docChat.documents().list(ME, null, PageRequest.first(100)).total();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        assertThatThrownBy(() -> docChat.documents().submit(ME, pumps.id(), "photo.png", png))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_DOCUMENT_TYPE));
        assertThat(docChat.documents().list(ME, null, PageRequest.first(100)).total()).isEqualTo(before);

        Session session = docChat.sessions().create(ME, manuals.id(), "pumps", null);
        assertThat(citedDocuments(ask(session, "How do I prime the P-200 pump?"))).contains(pumpManual.id());
    }

    @Test
    void anotherAccountsIdsAreNotFoundEverywhere() {
        Session mine = docChat.sessions().create(ME, manuals.id(), "pumps", null);
        ask(mine, "How do I prime the P-200 pump?");

        assertCode(ErrorCode.FOLDER_NOT_FOUND, () -> docChat.folders().get(OTHER, manuals.id()));
        assertCode(ErrorCode.FOLDER_NOT_FOUND, () -> docChat.folders().create(OTHER, manuals.id(), "intruder"));
        assertCode(ErrorCode.FOLDER_NOT_FOUND, () -> docChat.folders().delete(OTHER, archive.id()));
        assertCode(ErrorCode.FOLDER_NOT_FOUND,
                () -> docChat.documents().submit(OTHER, pumps.id(), "x.txt", bytes("some text")));
        assertCode(ErrorCode.FOLDER_NOT_FOUND, () -> docChat.documents().list(OTHER, pumps.id(), PageRequest.first(10)));
        assertCode(ErrorCode.DOCUMENT_NOT_FOUND, () -> docChat.documents().get(OTHER, pumpManual.id()));
        assertCode(ErrorCode.DOCUMENT_NOT_FOUND, () -> docChat.documents().markdown(OTHER, pumpManual.id()));
        assertCode(ErrorCode.DOCUMENT_NOT_FOUND, () -> docChat.documents().originalFile(OTHER, pumpManual.id()));
        assertCode(ErrorCode.DOCUMENT_NOT_FOUND, () -> docChat.documents().delete(OTHER, pumpManual.id()));
        assertCode(ErrorCode.FOLDER_NOT_FOUND, () -> docChat.sessions().create(OTHER, manuals.id(), "s", null));
        assertCode(ErrorCode.SESSION_NOT_FOUND, () -> docChat.sessions().get(OTHER, mine.id()));
        assertCode(ErrorCode.SESSION_NOT_FOUND, () -> docChat.sessions().rename(OTHER, mine.id(), "mine now"));
        assertCode(ErrorCode.SESSION_NOT_FOUND, () -> docChat.sessions().delete(OTHER, mine.id()));
        assertCode(ErrorCode.SESSION_NOT_FOUND,
                () -> docChat.chat().stream(OTHER, new ChatRequest(mine.id(), "How do I prime the P-200 pump?")));
        assertCode(ErrorCode.SESSION_NOT_FOUND, () -> docChat.chat().history(OTHER, mine.id(), PageRequest.first(10)));
        assertCode(ErrorCode.FOLDER_NOT_FOUND,
                () -> docChat.retrieval().search(OTHER, new RetrievalRequest("prime pump", Set.of(manuals.id()), Set.of(), 5)));
        assertCode(ErrorCode.DOCUMENT_NOT_FOUND,
                () -> docChat.retrieval().search(OTHER, new RetrievalRequest("prime pump", Set.of(), Set.of(pumpManual.id()), 5)));
        assertThat(search(OTHER, "prime the P-200 pump", Set.of())).isEmpty();
        assertThat(docChat.folders().tree(OTHER)).isEmpty();

        Folder theirs = docChat.folders().create(OTHER, null, "theirs");
        Session theirSession = docChat.sessions().create(OTHER, theirs.id(), "s", null);
        assertCode(ErrorCode.DOCUMENT_NOT_FOUND, () -> docChat.chat().stream(OTHER,
                new ChatRequest(theirSession.id(), "How do I prime the P-200 pump?", Set.of(pumpManual.id()))));
        assertThat(ask(theirSession, "How do I prime the P-200 pump?").answer()).isEqualTo(ChatItem.NO_RELATED_CONTENT);
        // Nothing of the other account's attempts reached this account's data.
        assertThat(docChat.sessions().get(ME, mine.id()).name()).isEqualTo("pumps");
        assertThat(docChat.chat().history(ME, mine.id(), PageRequest.first(10)).total()).isEqualTo(1);
    }

    private Document ingest(Folder folder, String name, String text) {
        Document submitted = docChat.documents().submit(ME, folder.id(), name, bytes(text));
        Document done = docChat.documents().awaitProcessed(ME, submitted.id(), WAIT);
        assertThat(done.status()).as(name + ": " + done.errorMessage()).isEqualTo(DocumentStatus.PARSING_COMPLETED);
        return done;
    }

    private ChatItem ask(Session session, String question) {
        return docChat.chat().ask(session.accountId(), new ChatRequest(session.id(), question));
    }

    private List<RetrievedPassage> search(String account, String query, Set<String> folders) {
        return docChat.retrieval().search(account, new RetrievalRequest(query, folders, Set.of(), 10));
    }

    private static List<Long> citedDocuments(ChatItem item) {
        return item.citations().stream().map(Citation::documentId).toList();
    }

    private static List<ChatEvent> drain(ChatStream stream) {
        List<ChatEvent> events = new ArrayList<>();
        try (stream) {
            while (stream.hasNext()) {
                events.add(stream.next());
            }
        }
        return events;
    }

    private static List<String> deltas(List<ChatEvent> events) {
        return events.stream().filter(ChatEvent.Delta.class::isInstance).map(e -> ((ChatEvent.Delta) e).text()).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertCode(ErrorCode code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DocChatException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
