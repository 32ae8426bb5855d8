package io.docchat.core.port;

import io.docchat.core.model.ChatItem;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Chat sessions and their history. Safe for concurrent use. Methods taking an {@code accountId} see only that account's
 * sessions: another account's ids behave as absent.
 */
public interface ChatStore {

    void insertSession(Session session);

    Optional<Session> findSession(String accountId, String sessionId);

    /**
     * The account's sessions, newest first (by creation time, then id).
     *
     * @param userId       only this user's sessions, or null for all
     * @param nameContains only sessions whose name contains this text (case-insensitive), or null for all
     */
    ResultPage<Session> listSessions(String accountId, String userId, String nameContains, PageRequest page);

    /** Renames a session and sets its update time; false if it does not exist. */
    boolean renameSession(String accountId, String sessionId, String name, Instant updatedAt);

    /** Deletes a session and its whole history; false if it did not exist. */
    boolean deleteSession(String accountId, String sessionId);

    /**
     * Adds a chat item to its session's history, in order of its time (when the question was asked), and sets the
     * session's update time to its time. Answers can end out of order; the history stays in the order asked. An item
     * whose answer is still being written is added with status {@code ANSWERING} and finished with
     * {@link #updateChatItem}: it keeps the place of its question.
     */
    void appendChatItem(ChatItem item);

    /**
     * Replaces the answer, status, error message and citations of an item already appended (matched by id, session
     * and account), keeping its place in the history. Returns false if the item (or its session) no longer exists.
     */
    boolean updateChatItem(ChatItem item);

    /**
     * Marks every item of every session still {@code ANSWERING} as {@code INTERRUPTED}, keeping the answer saved so
     * far: at start-up, for the answers a stopped process was writing. Returns how many were marked.
     */
    int interruptUnfinishedAnswers();

    /**
     * A session's history, oldest question first. Getting a late page must not cost in proportion to its number.
     */
    ResultPage<ChatItem> listChatItems(String sessionId, PageRequest page);

    /** The last {@code limit} items of a session, oldest first. */
    List<ChatItem> recentChatItems(String sessionId, int limit);
}
