package io.docchat.core.memory;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import io.docchat.core.port.ChatStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ChatStore} held in memory. Each session's history is an array list in order of appending, so any page of
 * it is a constant-time slice. One lock guards everything.
 */
public final class InMemoryChatStore implements ChatStore {

    /** Newest first: by creation time, then by id, both descending. */
    private static final Comparator<Session> NEWEST_FIRST =
            Comparator.comparing(Session::createdAt).thenComparing(Session::id).reversed();

    private final Object lock = new Object();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, List<ChatItem>> histories = new HashMap<>();

    /** An empty store. */
    public InMemoryChatStore() {}

    @Override
    public void insertSession(Session session) {
        Objects.requireNonNull(session, "session");
        synchronized (lock) {
            if (sessions.putIfAbsent(session.id(), session) != null) {
                throw new DocChatException(ErrorCode.CONFLICT, "session " + session.id() + " already exists");
            }
        }
    }

    @Override
    public Optional<Session> findSession(String accountId, String sessionId) {
        synchronized (lock) {
            return Optional.ofNullable(sessionOf(accountId, sessionId));
        }
    }

    @Override
    public ResultPage<Session> listSessions(String accountId, String userId, String nameContains, PageRequest page) {
        String needle = nameContains == null ? null : nameContains.toLowerCase(Locale.ROOT);
        List<Session> matching = new ArrayList<>();
        synchronized (lock) {
            for (Session s : sessions.values()) {
                if (s.accountId().equals(accountId)
                        && (userId == null || userId.equals(s.userId()))
                        && (needle == null || s.name().toLowerCase(Locale.ROOT).contains(needle))) {
                    matching.add(s);
                }
            }
        }
        matching.sort(NEWEST_FIRST);
        return MemoryPaging.page(matching, page);
    }

    @Override
    public boolean renameSession(String accountId, String sessionId, String name, Instant updatedAt) {
        synchronized (lock) {
            Session s = sessionOf(accountId, sessionId);
            if (s == null) {
                return false;
            }
            sessions.put(sessionId,
                    new Session(s.id(), s.accountId(), s.userId(), s.folderId(), name, s.createdAt(), updatedAt));
            return true;
        }
    }

    @Override
    public boolean deleteSession(String accountId, String sessionId) {
        synchronized (lock) {
            if (sessionOf(accountId, sessionId) == null) {
                return false;
            }
            sessions.remove(sessionId);
            histories.remove(sessionId);
            return true;
        }
    }

    @Override
    public void appendChatItem(ChatItem item) {
        Objects.requireNonNull(item, "item");
        synchronized (lock) {
            Session s = sessions.get(item.sessionId());
            if (s == null || !s.accountId().equals(item.accountId())) {
                throw DocChatException.sessionNotFound(item.sessionId());
            }
            List<ChatItem> history = histories.computeIfAbsent(item.sessionId(), id -> new ArrayList<>());
            // Answers end out of order only while they overlap: the place is found from the end.
            int at = history.size();
            while (at > 0 && history.get(at - 1).createdAt().isAfter(item.createdAt())) {
                at--;
            }
            history.add(at, item);
            sessions.put(s.id(), new Session(s.id(), s.accountId(), s.userId(), s.folderId(), s.name(), s.createdAt(),
                    item.createdAt()));
        }
    }

    @Override
    public boolean updateChatItem(ChatItem item) {
        Objects.requireNonNull(item, "item");
        synchronized (lock) {
            Session s = sessions.get(item.sessionId());
            if (s == null || !s.accountId().equals(item.accountId())) {
                return false;
            }
            List<ChatItem> history = histories.getOrDefault(item.sessionId(), List.of());
            for (int i = 0; i < history.size(); i++) {
                ChatItem old = history.get(i);
                if (old.id().equals(item.id())) {
                    history.set(i, new ChatItem(old.id(), old.sessionId(), old.accountId(), old.question(),
                            item.answer(), item.status(), item.errorMessage(), old.folderId(), old.folderName(),
                            item.citations(), old.createdAt()));
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public int interruptUnfinishedAnswers() {
        synchronized (lock) {
            int marked = 0;
            for (List<ChatItem> history : histories.values()) {
                for (int i = 0; i < history.size(); i++) {
                    ChatItem old = history.get(i);
                    if (old.status() == ChatStatus.ANSWERING) {
                        history.set(i, new ChatItem(old.id(), old.sessionId(), old.accountId(), old.question(),
                                old.answer(), ChatStatus.INTERRUPTED, old.errorMessage(), old.folderId(),
                                old.folderName(), old.citations(), old.createdAt()));
                        marked++;
                    }
                }
            }
            return marked;
        }
    }

    @Override
    public ResultPage<ChatItem> listChatItems(String sessionId, PageRequest page) {
        synchronized (lock) {
            // The slice is copied by ResultPage while the lock is held.
            return MemoryPaging.page(histories.getOrDefault(sessionId, List.of()), page);
        }
    }

    @Override
    public List<ChatItem> recentChatItems(String sessionId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        synchronized (lock) {
            List<ChatItem> history = histories.getOrDefault(sessionId, List.of());
            return List.copyOf(history.subList(Math.max(0, history.size() - limit), history.size()));
        }
    }

    private Session sessionOf(String accountId, String sessionId) {
        Session s = sessions.get(sessionId);
        return s != null && s.accountId().equals(accountId) ? s : null;
    }
}
