package io.docchat.postgres;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.Document;
import io.docchat.core.port.NewPassage;
import io.docchat.core.model.Page;
import io.docchat.core.model.Passage;
import io.docchat.core.model.Session;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a knowledge base copied from another store into an empty PostgreSQL database, keeping what the ports would
 * assign anew: document ids (chat history cites documents by id), statuses, times and session update times. Accounts,
 * folders, sessions, history and files go through the ordinary stores; this class covers only what they cannot express.
 * Passages get new ids from the change sequence, in the order given, as the passage index replays them anyway.
 */
public final class PostgresImport {
    /** The tables a copy fills, in the order {@link #counts()} reports them. */
    private static final List<String> TABLES = List.of("account", "access_key", "bearer_token", "folder", "document",
            "page", "passage", "chat_session", "chat_item", "stored_file");

    private final PostgresTransactions transactions;

    PostgresImport(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    /** Refuses to copy into a database that already holds a knowledge base, which the copy would mix with. */
    public void requireEmpty() {
        Map<String, Long> counts = counts();
        long rows = counts.values().stream().mapToLong(Long::longValue).sum();
        if (rows > 0) {
            throw new DocChatException(ErrorCode.CONFLICT, "the PostgreSQL database already holds docchat data "
                    + counts + "; copy into an empty database");
        }
    }

    /** Stores a document with its id, status, times, pages and passages, in one transaction. */
    public void document(Document document, List<Page> pages, List<Passage> passages) {
        transactions.write("copying document " + document.id(), handle -> {
            handle.createUpdate("INSERT INTO document (id, account_id, folder_id, file_name, content_hash, size_bytes,"
                            + " file_key, status, page_count, error_message, warnings, created_at, updated_at)"
                            + " OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")
                    .bind(0, document.id())
                    .bind(1, document.accountId())
                    .bind(2, document.folderId())
                    .bind(3, document.fileName())
                    .bind(4, document.contentHash())
                    .bind(5, document.sizeBytes())
                    .bind(6, document.fileKey())
                    .bind(7, document.status().name())
                    .bind(8, document.pageCount())
                    .bind(9, document.errorMessage())
                    .bind(10, JsonContent.write(document.warnings()))
                    .bind(11, Times.toNanos(document.createdAt()))
                    .bind(12, Times.toNanos(document.updatedAt()))
                    .execute();
            List<NewPassage> copies = passages.stream()
                    .map(p -> new NewPassage(p.ordinal(), p.text(), p.headingPath(), p.lines(), p.pages()))
                    .toList();
            try {
                PostgresKnowledgeStore.insertPages(handle.getConnection(), document.id(), pages);
                PostgresKnowledgeStore.insertPassages(handle.getConnection(), document.id(), copies,
                        PostgresKnowledgeStore.allocate(handle, copies.size()));
            } catch (SQLException e) {
                throw new IllegalStateException("copying the content of document " + document.id() + " failed", e);
            }
            return null;
        });
    }

    /** Sets a copied session's update time back to the original's (appending its history moved it). */
    public void sessionUpdatedAt(Session session) {
        transactions.write("copying the update time of session " + session.id(), handle -> handle
                .createUpdate("UPDATE chat_session SET updated_at = ? WHERE id = ?")
                .bind(0, Times.toNanos(session.updatedAt()))
                .bind(1, session.id())
                .execute());
    }

    /** Lets new documents continue after the highest copied id, as the source would have. */
    public void finish() {
        transactions.write("continuing document ids after the copy", handle -> handle
                .createQuery("SELECT setval(pg_get_serial_sequence('document', 'id'),"
                        + " GREATEST((SELECT COALESCE(MAX(id), 0) FROM document), 1),"
                        + " (SELECT COUNT(*) > 0 FROM document))::text")
                .mapTo(String.class)
                .one());
    }

    /** The rows of every table a copy fills, by table name: what a copy is checked against. */
    public Map<String, Long> counts() {
        return transactions.read("counting rows", handle -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            }
            return counts;
        });
    }
}
