package io.docchat.postgres;

import io.docchat.core.DocChatException;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import io.docchat.core.port.ChatStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link ChatStore} on PostgreSQL; a view of a {@link PostgresStorage}, closed with it.
 *
 * <p>Each session counts its items and each item carries its 1-based ordinal in the session, taken from the session
 * row by {@code UPDATE ... RETURNING} (which also serializes appends to one session across nodes): page N of a history
 * is then a range lookup on the {@code (session_id, ordinal)} key, costing the same for the last page as for the first.
 * Citations are stored as a snapshot with the item, so history stays readable after the cited documents are deleted.
 */
public final class PostgresChatStore implements ChatStore {
    private static final String SESSION_COLUMNS = "id, account_id, user_id, folder_id, name, created_at, updated_at";
    private static final String ITEM_COLUMNS = "id, session_id, account_id, question, answer, status, error_message,"
            + " folder_id, folder_name, citations::text, created_at";

    /** How far back an answer that ended late may still be placed before later questions' answers. */
    private static final long REORDER_WINDOW = 1024;

    private final PostgresTransactions transactions;

    PostgresChatStore(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insertSession(Session session) {
        transactions.write("inserting session " + session.id(), handle -> handle
                .createUpdate("INSERT INTO chat_session (" + SESSION_COLUMNS + ", name_folded)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, session.id())
                .bind(1, session.accountId())
                .bind(2, session.userId())
                .bind(3, session.folderId())
                .bind(4, session.name())
                .bind(5, Times.toNanos(session.createdAt()))
                .bind(6, Times.toNanos(session.updatedAt()))
                .bind(7, fold(session.name()))
                .execute());
    }

    @Override
    public Optional<Session> findSession(String accountId, String sessionId) {
        return transactions.read("finding session " + sessionId, handle -> handle
                .createQuery("SELECT " + SESSION_COLUMNS + " FROM chat_session WHERE id = ? AND account_id = ?")
                .bind(0, sessionId)
                .bind(1, accountId)
                .map(PostgresChatStore::session)
                .findOne());
    }

    @Override
    public ResultPage<Session> listSessions(String accountId, String userId, String nameContains, PageRequest page) {
        StringBuilder where = new StringBuilder(" FROM chat_session WHERE account_id = :account");
        if (userId != null) {
            where.append(" AND user_id = :user");
        }
        String needle = nameContains == null || nameContains.isEmpty() ? null : fold(nameContains);
        if (needle != null) {
            where.append(" AND strpos(name_folded, :needle) > 0");
        }
        String filter = where.toString();
        return transactions.read("listing sessions", handle -> {
            long total = bindFilter(handle.createQuery("SELECT COUNT(*)" + filter), accountId, userId, needle)
                    .mapTo(Long.class)
                    .one();
            List<Session> sessions = total <= page.offset()
                    ? List.of()
                    : bindFilter(handle.createQuery("SELECT " + SESSION_COLUMNS + filter
                                    + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"),
                            accountId, userId, needle)
                            .bind("limit", page.size())
                            .bind("offset", page.offset())
                            .map(PostgresChatStore::session)
                            .list();
            return new ResultPage<>(sessions, total, page.page(), page.size());
        });
    }

    private static Query bindFilter(Query query, String accountId, String userId, String needle) {
        query.bind("account", accountId);
        if (userId != null) {
            query.bind("user", userId);
        }
        if (needle != null) {
            query.bind("needle", needle);
        }
        return query;
    }

    @Override
    public boolean renameSession(String accountId, String sessionId, String name, Instant updatedAt) {
        return transactions.write("renaming session " + sessionId, handle -> handle
                .createUpdate("UPDATE chat_session SET name = ?, name_folded = ?, updated_at = ?"
                        + " WHERE id = ? AND account_id = ?")
                .bind(0, name)
                .bind(1, fold(name))
                .bind(2, Times.toNanos(updatedAt))
                .bind(3, sessionId)
                .bind(4, accountId)
                .execute() > 0);
    }

    @Override
    public boolean deleteSession(String accountId, String sessionId) {
        // The session's items go with it (ON DELETE CASCADE).
        return transactions.write("deleting session " + sessionId, handle -> handle
                .createUpdate("DELETE FROM chat_session WHERE id = ? AND account_id = ?")
                .bind(0, sessionId)
                .bind(1, accountId)
                .execute() > 0);
    }

    @Override
    public boolean updateChatItem(ChatItem item) {
        String citations = JsonContent.write(item.citations());
        return transactions.write("updating chat item " + item.id(), handle -> handle
                .createUpdate("UPDATE chat_item SET answer = ?, status = ?, error_message = ?, citations = ?::jsonb"
                        + " WHERE id = ? AND session_id = ? AND account_id = ?")
                .bind(0, item.answer())
                .bind(1, item.status().name())
                .bind(2, item.errorMessage())
                .bind(3, citations)
                .bind(4, item.id())
                .bind(5, item.sessionId())
                .bind(6, item.accountId())
                .execute() > 0);
    }

    @Override
    public int interruptUnfinishedAnswers() {
        // Runs once at start-up; a scan of the history is cheaper there than an index kept for it on every append.
        return transactions.write("marking unfinished answers interrupted", handle -> handle
                .createUpdate("UPDATE chat_item SET status = ? WHERE status = ?")
                .bind(0, ChatStatus.INTERRUPTED.name())
                .bind(1, ChatStatus.ANSWERING.name())
                .execute());
    }

    @Override
    public void appendChatItem(ChatItem item) {
        String citations = JsonContent.write(item.citations());
        long createdAt = Times.toNanos(item.createdAt());
        transactions.write("appending chat item " + item.id(), handle -> {
            // The session row's lock, taken here, orders appends to one session across nodes.
            Optional<Long> counted = handle.createQuery("UPDATE chat_session SET item_count = item_count + 1,"
                            + " updated_at = ? WHERE id = ? AND account_id = ? RETURNING item_count")
                    .bind(0, createdAt)
                    .bind(1, item.sessionId())
                    .bind(2, item.accountId())
                    .mapTo(Long.class)
                    .findOne();
            if (counted.isEmpty()) {
                throw DocChatException.sessionNotFound(item.sessionId());
            }
            long last = counted.get();
            // Answers end out of order only while they overlap, so only the newest items can have been asked later;
            // those move up one place and this one takes the first of theirs, keeping the history in question order.
            long ordinal = handle.createQuery("SELECT COALESCE(MIN(ordinal), ?) FROM chat_item"
                            + " WHERE session_id = ? AND ordinal > ? AND created_at > ?")
                    .bind(0, last)
                    .bind(1, item.sessionId())
                    .bind(2, last - REORDER_WINDOW)
                    .bind(3, createdAt)
                    .mapTo(Long.class)
                    .one();
            if (ordinal != last) {
                // Through negative values, so that no two rows share an ordinal at any moment of the update.
                handle.createUpdate("UPDATE chat_item SET ordinal = -ordinal - 1 WHERE session_id = ? AND ordinal >= ?")
                        .bind(0, item.sessionId())
                        .bind(1, ordinal)
                        .execute();
                handle.createUpdate("UPDATE chat_item SET ordinal = -ordinal WHERE session_id = ? AND ordinal < 0")
                        .bind(0, item.sessionId())
                        .execute();
            }
            return handle.createUpdate("INSERT INTO chat_item (session_id, ordinal, id, account_id, question, answer,"
                            + " status, error_message, folder_id, folder_name, citations, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")
                    .bind(0, item.sessionId())
                    .bind(1, ordinal)
                    .bind(2, item.id())
                    .bind(3, item.accountId())
                    .bind(4, item.question())
                    .bind(5, item.answer())
                    .bind(6, item.status().name())
                    .bind(7, item.errorMessage())
                    .bind(8, item.folderId())
                    .bind(9, item.folderName())
                    .bind(10, citations)
                    .bind(11, createdAt)
                    .execute();
        });
    }

    @Override
    public ResultPage<ChatItem> listChatItems(String sessionId, PageRequest page) {
        return transactions.read("listing the history of session " + sessionId, handle -> {
            long total = handle.createQuery("SELECT item_count FROM chat_session WHERE id = ?")
                    .bind(0, sessionId)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(0L);
            List<ChatItem> items = total <= page.offset()
                    ? List.of()
                    : handle.createQuery("SELECT " + ITEM_COLUMNS + " FROM chat_item"
                                    + " WHERE session_id = ? AND ordinal > ? AND ordinal <= ? ORDER BY ordinal")
                            .bind(0, sessionId)
                            .bind(1, page.offset())
                            .bind(2, page.offset() + page.size())
                            .map(PostgresChatStore::chatItem)
                            .list();
            return new ResultPage<>(items, total, page.page(), page.size());
        });
    }

    @Override
    public List<ChatItem> recentChatItems(String sessionId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<ChatItem> newestFirst = transactions.read("reading the recent history of session " + sessionId,
                handle -> handle.createQuery("SELECT " + ITEM_COLUMNS + " FROM chat_item"
                                + " WHERE session_id = ? ORDER BY ordinal DESC LIMIT ?")
                        .bind(0, sessionId)
                        .bind(1, limit)
                        .map(PostgresChatStore::chatItem)
                        .list());
        List<ChatItem> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static String fold(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static Session session(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Times.fromNanos(rs.getLong(6)), Times.fromNanos(rs.getLong(7)));
    }

    private static ChatItem chatItem(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ChatItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                ChatStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                JsonContent.citations(rs.getString(10)), Times.fromNanos(rs.getLong(11)));
    }
}
