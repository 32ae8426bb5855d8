package io.docchat.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Citation;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import io.docchat.core.port.ChatStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ChatStore} must have. An adapter's test extends this class and implements
 * {@link #create()}; a durable adapter also overrides {@link #reopen} so that the suite checks what survives a restart.
 */
public abstract class ChatStoreContract {

    protected static final String ACCOUNT = "acme";
    protected static final String OTHER_ACCOUNT = "globex";
    protected static final String FOLDER = "0123456789abcdef0123456789abcdef";

    protected final ContractFixtures fixtures = new ContractFixtures();

    /** The store under test; replaced by {@link #reopenStore()}. */
    protected ChatStore store;

    /** A fresh, empty store. Called once per test. */
    protected abstract ChatStore create();

    /** Closes {@code old} and opens the same data again; by default the same instance (a store without files). */
    protected ChatStore reopen(ChatStore old) {
        return old;
    }

    @BeforeEach
    void createStore() {
        store = create();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    protected final void reopenStore() {
        store = reopen(store);
    }

    protected final Session insertSession(String accountId, String userId, String name) {
        Session session = fixtures.session(accountId, userId, FOLDER, name);
        store.insertSession(session);
        return session;
    }

    private static Session withUpdate(Session s, String name, Instant updatedAt) {
        return new Session(s.id(), s.accountId(), s.userId(), s.folderId(), name, s.createdAt(), updatedAt);
    }

    // ---- sessions

    @Test
    void insertedSessionIsFoundWithEveryField() {
        Session session = insertSession(ACCOUNT, "user-7", "Pump questions 水泵");
        reopenStore();

        assertThat(store.findSession(ACCOUNT, session.id())).contains(session);
        assertThat(store.findSession(ACCOUNT, fixtures.hexId())).isEmpty();
    }

    @Test
    void sessionsOfAnotherAccountAreAbsent() {
        Session mine = insertSession(ACCOUNT, ACCOUNT, "Mine");
        Session theirs = insertSession(OTHER_ACCOUNT, OTHER_ACCOUNT, "Theirs");

        assertThat(store.findSession(OTHER_ACCOUNT, mine.id())).isEmpty();
        assertThat(store.listSessions(ACCOUNT, null, null, PageRequest.first(10)).items()).containsExactly(mine);
        assertThat(store.listSessions(OTHER_ACCOUNT, null, null, PageRequest.first(10)).items())
                .containsExactly(theirs);
        assertThat(store.renameSession(OTHER_ACCOUNT, mine.id(), "stolen", Instant.now())).isFalse();
        assertThat(store.deleteSession(OTHER_ACCOUNT, mine.id())).isFalse();
        assertThat(store.findSession(ACCOUNT, mine.id())).contains(mine);
    }

    @Test
    void sessionsAreListedNewestFirstInPagesWithTheTotal() {
        List<Session> mine = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            mine.add(insertSession(ACCOUNT, ACCOUNT, "Session " + i));
            insertSession(OTHER_ACCOUNT, OTHER_ACCOUNT, "Foreign " + i);
        }
        List<Session> newestFirst = new ArrayList<>(mine);
        Collections.reverse(newestFirst);
        reopenStore();

        ResultPage<Session> first = store.listSessions(ACCOUNT, null, null, new PageRequest(1, 10));
        assertThat(first.items()).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(first.total()).isEqualTo(23);
        assertThat(first.page()).isEqualTo(1);
        assertThat(first.pageSize()).isEqualTo(10);

        ResultPage<Session> last = store.listSessions(ACCOUNT, null, null, new PageRequest(3, 10));
        assertThat(last.items()).containsExactlyElementsOf(newestFirst.subList(20, 23));
        assertThat(last.total()).isEqualTo(23);

        ResultPage<Session> pastTheEnd = store.listSessions(ACCOUNT, null, null, new PageRequest(4, 10));
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(23);
    }

    @Test
    void sessionsCreatedAtTheSameTimeAreOrderedByIdDescending() {
        Instant same = fixtures.nextTime();
        List<Session> sessions = new ArrayList<>();
        int n = 0;
        for (String id : List.of("00000000000000000000000000000002", "00000000000000000000000000000009",
                "00000000000000000000000000000001", "0000000000000000000000000000000a")) {
            // Names in an order unlike the ids', so that an order by name would show.
            Session s = new Session(id, ACCOUNT, ACCOUNT, FOLDER, "tie " + ++n, same, same);
            store.insertSession(s);
            sessions.add(s);
        }
        sessions.sort(Comparator.comparing(Session::id).reversed());

        assertThat(store.listSessions(ACCOUNT, null, null, PageRequest.first(10)).items())
                .containsExactlyElementsOf(sessions);
    }

    @Test
    void sessionsAreFilteredByUserAndByNameIgnoringCase() {
        Session alicePump = insertSession(ACCOUNT, "alice", "Pump maintenance");
        Session bobPump = insertSession(ACCOUNT, "bob", "THE PUMP manual");
        Session aliceValve = insertSession(ACCOUNT, "alice", "Valve sizing 阀门");
        insertSession(OTHER_ACCOUNT, "alice", "pump elsewhere");

        ResultPage<Session> alice = store.listSessions(ACCOUNT, "alice", null, PageRequest.first(10));
        assertThat(alice.items()).containsExactly(aliceValve, alicePump);
        assertThat(alice.total()).isEqualTo(2);

        ResultPage<Session> pump = store.listSessions(ACCOUNT, null, "pUmP", PageRequest.first(10));
        assertThat(pump.items()).containsExactly(bobPump, alicePump);
        assertThat(pump.total()).isEqualTo(2);

        assertThat(store.listSessions(ACCOUNT, "alice", "pump", PageRequest.first(10)).items())
                .containsExactly(alicePump);
        assertThat(store.listSessions(ACCOUNT, null, "阀门", PageRequest.first(10)).items())
                .containsExactly(aliceValve);
        assertThat(store.listSessions(ACCOUNT, "carol", null, PageRequest.first(10)).total()).isZero();

        ResultPage<Session> paged = store.listSessions(ACCOUNT, null, "PUMP", new PageRequest(2, 1));
        assertThat(paged.items()).containsExactly(alicePump);
        assertThat(paged.total()).isEqualTo(2);
    }

    @Test
    void nameFilterMatchesWildcardCharactersLiterally() {
        Session percent = insertSession(ACCOUNT, ACCOUNT, "Discount 50% off");
        insertSession(ACCOUNT, ACCOUNT, "500 items");
        Session underscore = insertSession(ACCOUNT, ACCOUNT, "file_name");
        insertSession(ACCOUNT, ACCOUNT, "filename");

        assertThat(store.listSessions(ACCOUNT, null, "50%", PageRequest.first(10)).items()).containsExactly(percent);
        assertThat(store.listSessions(ACCOUNT, null, "e_n", PageRequest.first(10)).items())
                .containsExactly(underscore);
    }

    @Test
    void renameSetsNameAndUpdateTime() {
        Session session = insertSession(ACCOUNT, ACCOUNT, "Old name");
        Instant later = session.updatedAt().plusSeconds(3600);

        assertThat(store.renameSession(ACCOUNT, session.id(), "New name", later)).isTrue();
        reopenStore();

        assertThat(store.findSession(ACCOUNT, session.id())).contains(withUpdate(session, "New name", later));
        assertThat(store.renameSession(ACCOUNT, fixtures.hexId(), "x", later)).isFalse();
    }

    @Test
    void deletingASessionRemovesItsHistory() {
        Session doomed = insertSession(ACCOUNT, ACCOUNT, "Doomed");
        Session kept = insertSession(ACCOUNT, ACCOUNT, "Kept");
        store.appendChatItem(fixtures.chatItem(doomed, "q1", fixtures.nextTime()));
        store.appendChatItem(fixtures.chatItem(doomed, "q2", fixtures.nextTime()));
        ChatItem keptItem = fixtures.chatItem(kept, "kept question", fixtures.nextTime());
        store.appendChatItem(keptItem);

        assertThat(store.deleteSession(ACCOUNT, doomed.id())).isTrue();
        reopenStore();

        assertThat(store.findSession(ACCOUNT, doomed.id())).isEmpty();
        ResultPage<ChatItem> history = store.listChatItems(doomed.id(), PageRequest.first(10));
        assertThat(history.items()).isEmpty();
        assertThat(history.total()).isZero();
        assertThat(store.recentChatItems(doomed.id(), 10)).isEmpty();
        assertThat(store.deleteSession(ACCOUNT, doomed.id())).isFalse();
        assertThat(store.listChatItems(kept.id(), PageRequest.first(10)).items()).containsExactly(keptItem);
    }

    // ---- chat items

    @Test
    void chatItemsRoundTripExactlyAndMoveTheSessionUpdateTime() {
        Session session = insertSession(ACCOUNT, ACCOUNT, "Chat");
        ChatItem completed = fixtures.chatItem(session, "What is the maximum flow?", "30 m³/h [1].",
                ChatStatus.COMPLETED, List.of(ContractFixtures.citation(41), ContractFixtures.citation(42)),
                fixtures.nextTime());
        ChatItem interrupted = fixtures.chatItem(session, "最大流量是多少？", "最大流量", ChatStatus.INTERRUPTED,
                List.of(ContractFixtures.citation(43)), fixtures.nextTime());
        ChatItem failed = fixtures.chatItem(session, "And the weight?", "", ChatStatus.FAILED, List.of(),
                fixtures.nextTime());

        store.appendChatItem(completed);
        store.appendChatItem(interrupted);
        store.appendChatItem(failed);
        reopenStore();

        assertThat(store.listChatItems(session.id(), PageRequest.first(10)).items())
                .containsExactly(completed, interrupted, failed);
        assertThat(store.findSession(ACCOUNT, session.id())).contains(
                withUpdate(session, session.name(), failed.createdAt()));
    }

    @Test
    void chatItemsWithTheSameTimeKeepTheirOrder() {
        Session session = insertSession(ACCOUNT, ACCOUNT, "Burst");
        Instant same = fixtures.nextTime();
        List<ChatItem> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Ids that sort opposite to the order of appending, so that an order by id would show.
            String id = String.format("%032x", 1000 - i);
            ChatItem item = new ChatItem(id, session.id(), ACCOUNT, "question " + i, "answer " + i,
                    ChatStatus.COMPLETED, null, FOLDER, "Folder", List.of(), same);
            store.appendChatItem(item);
            items.add(item);
        }
        reopenStore();

        assertThat(store.listChatItems(session.id(), new PageRequest(1, 100)).items()).containsExactlyElementsOf(items);
        assertThat(store.listChatItems(session.id(), new PageRequest(2, 7)).items())
                .containsExactlyElementsOf(items.subList(7, 14));
        assertThat(store.recentChatItems(session.id(), 4)).containsExactlyElementsOf(items.subList(26, 30));
    }

    @Test
    void historyIsOrderedByQuestionTimeEvenWhenAnswersFinishOutOfOrder() {
        Session session = insertSession(ACCOUNT, ACCOUNT, "Overlapping questions");
        Instant first = fixtures.nextTime();
        Instant second = fixtures.nextTime();
        Instant third = fixtures.nextTime();
        ChatItem askedFirst = fixtures.chatItem(session, "asked first, answered last", first);
        ChatItem askedSecond = fixtures.chatItem(session, "asked second", second);
        ChatItem askedThird = fixtures.chatItem(session, "asked third", third);
        // Stored as the answers ended: the third, then the second, then the first.
        store.appendChatItem(askedThird);
        store.appendChatItem(askedSecond);
        store.appendChatItem(askedFirst);
        reopenStore();

        assertThat(store.listChatItems(session.id(), PageRequest.first(10)).items())
                .containsExactly(askedFirst, askedSecond, askedThird);
        assertThat(store.listChatItems(session.id(), new PageRequest(2, 2)).items()).containsExactly(askedThird);
        assertThat(store.recentChatItems(session.id(), 2)).containsExactly(askedSecond, askedThird);
    }

    @Test
    void historyIsPagedOldestFirstWithTheTotal() {
        Session session = insertSession(ACCOUNT, ACCOUNT, "Long chat");
        Session other = insertSession(ACCOUNT, ACCOUNT, "Other chat");
        List<ChatItem> items = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ChatItem item = fixtures.chatItem(session, "question " + i, fixtures.nextTime());
            store.appendChatItem(item);
            items.add(item);
            store.appendChatItem(fixtures.chatItem(other, "other " + i, fixtures.nextTime()));
        }

        ResultPage<ChatItem> first = store.listChatItems(session.id(), new PageRequest(1, 10));
        assertThat(first.items()).containsExactlyElementsOf(items.subList(0, 10));
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.page()).isEqualTo(1);
        assertThat(first.pageSize()).isEqualTo(10);

        ResultPage<ChatItem> partial = store.listChatItems(session.id(), new PageRequest(3, 10));
        assertThat(partial.items()).containsExactlyElementsOf(items.subList(20, 25));
        assertThat(partial.total()).isEqualTo(25);

        ResultPage<ChatItem> pastTheEnd = store.listChatItems(session.id(), new PageRequest(4, 10));
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(25);
        assertThat(pastTheEnd.page()).isEqualTo(4);

        ResultPage<ChatItem> unknown = store.listChatItems(fixtures.hexId(), PageRequest.first(10));
        assertThat(unknown.items()).isEmpty();
        assertThat(unknown.total()).isZero();
    }

    @Test
    void recentItemsAreTheLastOnesOldestFirst() {
        Session session = insertSession(ACCOUNT, ACCOUNT, "Recent");
        List<ChatItem> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ChatItem item = fixtures.chatItem(session, "question " + i, fixtures.nextTime());
            store.appendChatItem(item);
            items.add(item);
        }

        assertThat(store.recentChatItems(session.id(), 3)).containsExactlyElementsOf(items.subList(3, 6));
        assertThat(store.recentChatItems(session.id(), 1)).containsExactly(items.get(5));
        assertThat(store.recentChatItems(session.id(), 50)).containsExactlyElementsOf(items);
        assertThat(store.recentChatItems(fixtures.hexId(), 3)).isEmpty();
    }

    // ---- answers in progress

    @Test
    void anAnswerInProgressKeepsTheQuestionsPlaceAndIsFinishedInPlace() {
        Session session = insertSession(ACCOUNT, ACCOUNT, "Streaming");
        ChatItem first = fixtures.chatItem(session, "What is the inlet pressure?", "", ChatStatus.ANSWERING,
                List.of(ContractFixtures.citation(7)), fixtures.nextTime());
        ChatItem second = fixtures.chatItem(session, "And the outlet?", "2 bar.", ChatStatus.COMPLETED, List.of(),
                fixtures.nextTime());
        store.appendChatItem(first);
        store.appendChatItem(second);

        ChatItem partial = withAnswer(first, "The inlet", ChatStatus.ANSWERING, null, first.citations());
        assertThat(store.updateChatItem(partial)).isTrue();
        reopenStore();
        assertThat(store.listChatItems(session.id(), PageRequest.first(10)).items()).containsExactly(partial, second);

        ChatItem done = withAnswer(first, "The inlet pressure is 4 bar [1].", ChatStatus.COMPLETED, null,
                List.of(ContractFixtures.citation(7), ContractFixtures.citation(8)));
        assertThat(store.updateChatItem(done)).isTrue();
        reopenStore();
        assertThat(store.listChatItems(session.id(), PageRequest.first(10)).items()).containsExactly(done, second);
        assertThat(store.recentChatItems(session.id(), 1)).containsExactly(second);
        assertThat(store.listChatItems(session.id(), PageRequest.first(10)).total()).isEqualTo(2);
    }

    @Test
    void updatingAnItemThatIsGoneOrOfAnotherAccountChangesNothing() {
        Session session = insertSession(ACCOUNT, ACCOUNT, "Mine");
        ChatItem item = fixtures.chatItem(session, "Who maintains the pump?", "", ChatStatus.ANSWERING, List.of(),
                fixtures.nextTime());
        store.appendChatItem(item);
        ChatItem foreign = new ChatItem(item.id(), item.sessionId(), OTHER_ACCOUNT, item.question(), "stolen",
                ChatStatus.COMPLETED, null, item.folderId(), item.folderName(), List.of(), item.createdAt());
        ChatItem unknown = fixtures.chatItem(session, "Never appended", "x", ChatStatus.COMPLETED, List.of(),
                fixtures.nextTime());

        assertThat(store.updateChatItem(foreign)).isFalse();
        assertThat(store.updateChatItem(unknown)).isFalse();
        assertThat(store.listChatItems(session.id(), PageRequest.first(10)).items()).containsExactly(item);

        store.deleteSession(ACCOUNT, session.id());
        assertThat(store.updateChatItem(withAnswer(item, "late", ChatStatus.COMPLETED, null, List.of()))).isFalse();
    }

    @Test
    void unfinishedAnswersOfEverySessionBecomeInterruptedWithTheirPartialText() {
        Session mine = insertSession(ACCOUNT, ACCOUNT, "Mine");
        Session theirs = insertSession(OTHER_ACCOUNT, OTHER_ACCOUNT, "Theirs");
        ChatItem done = fixtures.chatItem(mine, "Done?", "Yes.", ChatStatus.COMPLETED, List.of(), fixtures.nextTime());
        ChatItem running = fixtures.chatItem(mine, "Still going?", "Half an ans", ChatStatus.ANSWERING,
                List.of(ContractFixtures.citation(3)), fixtures.nextTime());
        ChatItem failed = fixtures.chatItem(mine, "Broken?", "", ChatStatus.FAILED, List.of(), fixtures.nextTime());
        ChatItem otherRunning = fixtures.chatItem(theirs, "Theirs?", "", ChatStatus.ANSWERING, List.of(),
                fixtures.nextTime());
        for (ChatItem item : List.of(done, running, failed, otherRunning)) {
            store.appendChatItem(item);
        }
        reopenStore();

        assertThat(store.interruptUnfinishedAnswers()).isEqualTo(2);
        reopenStore();
        assertThat(store.listChatItems(mine.id(), PageRequest.first(10)).items()).containsExactly(done,
                withAnswer(running, "Half an ans", ChatStatus.INTERRUPTED, null, running.citations()), failed);
        assertThat(store.listChatItems(theirs.id(), PageRequest.first(10)).items()).containsExactly(
                withAnswer(otherRunning, "", ChatStatus.INTERRUPTED, null, List.of()));
        assertThat(store.interruptUnfinishedAnswers()).isZero();
    }

    private static ChatItem withAnswer(ChatItem item, String answer, ChatStatus status, String errorMessage,
            List<Citation> citations) {
        return new ChatItem(item.id(), item.sessionId(), item.accountId(), item.question(), answer, status,
                errorMessage, item.folderId(), item.folderName(), citations, item.createdAt());
    }
}
