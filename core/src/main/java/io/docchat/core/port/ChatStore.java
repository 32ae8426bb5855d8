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
     * session's update time to its time. Answers can end out of order; the history stays in the order asked.
     */
    void appendChatItem(ChatItem item);

    /**
     * A session's history, oldest question first. Getting a late page must not cost in proportion to its number.
     */
    ResultPage<ChatItem> listChatItems(String sessionId, PageRequest page);

    /** The last {@code limit} items of a session, oldest first. */
    List<ChatItem> recentChatItems(String sessionId, int limit);
}
