package io.docchat.postgres;

import io.docchat.core.DocChatException;
import io.docchat.core.model.Document;
import io.docchat.core.model.EmbeddingProgress;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.port.Embedding;
import io.docchat.core.port.KnowledgeChange;
import io.docchat.core.port.NewDocument;
import io.docchat.core.port.NewPassage;
import io.docchat.core.model.Page;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Passage;
import io.docchat.core.model.ResultPage;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.PassageVector;
import io.docchat.core.port.StoredVector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link KnowledgeStore} on PostgreSQL; a view of a {@link PostgresStorage}, closed with it.
 *
 * <p><b>One change sequence in commit order.</b> Passage ids and document removals draw from the one-row table
 * {@code change_sequence}, incremented by {@code UPDATE ... RETURNING} inside the transaction that commits the change.
 * The update locks the row until that transaction ends, so a second writer waits until the first has committed (or
 * rolled back) before it draws its numbers: sequence order is commit order, on every node, and a reader of the change
 * log never sees a sequence that is later overtaken by a smaller one. PostgreSQL makes a transaction visible before it
 * releases its locks, so the next writer's numbers can only become visible after the previous writer's. The lock is
 * taken as late as possible (after the document row is locked and the old content deleted) to keep it short.
 *
 * <p>The change log is the {@code passage} table (ids are sequences) merged with {@code document_removal}; it is read
 * with keyset paging ({@code id > cursor}), so catching up costs the same at any point of the log.
 *
 * <p>The vector log is the {@code passage_vector} table by its {@code sequence}, drawn from {@code vector_sequence}
 * the same way, so it too is in commit order.
 */
public final class PostgresKnowledgeStore implements KnowledgeStore {
    private static final String DOCUMENT_COLUMNS = "id, account_id, folder_id, file_name, content_hash, size_bytes,"
            + " file_key, status, page_count, error_message, warnings::text, created_at, updated_at";
    private static final String PASSAGE_SELECT = "SELECT p.id, p.document_id, d.account_id, d.folder_id, p.ordinal,"
            + " p.text, p.heading_path::text, p.lines::text, p.pages::text FROM passage p JOIN document d ON d.id = p.document_id";
    private static final int BATCH_SIZE = 1_000;
    private static final String NO_WARNINGS = "[]";
    private static final String VECTOR_SELECT =
            "SELECT sequence, passage_id, model, space, vector FROM passage_vector";

    private final PostgresTransactions transactions;
    private final Clock clock;

    PostgresKnowledgeStore(PostgresTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- folders

    @Override
    public void insertFolder(Folder folder) {
        transactions.write("inserting folder " + folder.id(), handle -> {
            if (folder.parentId() != null && !folderExists(handle, folder.accountId(), folder.parentId())) {
                throw DocChatException.folderNotFound(folder.parentId());
            }
            return handle.createUpdate("INSERT INTO folder (account_id, id, parent_id, name, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .bind(0, folder.accountId())
                    .bind(1, folder.id())
                    .bind(2, folder.parentId())
                    .bind(3, folder.name())
                    .bind(4, Times.toNanos(folder.createdAt()))
                    .execute();
        });
    }

    @Override
    public Optional<Folder> findFolder(String accountId, String folderId) {
        return transactions.read("finding folder " + folderId, handle -> handle
                .createQuery("SELECT id, account_id, parent_id, name, created_at FROM folder"
                        + " WHERE account_id = ? AND id = ?")
                .bind(0, accountId)
                .bind(1, folderId)
                .map(PostgresKnowledgeStore::folder)
                .findOne());
    }

    @Override
    public List<Folder> listFolders(String accountId) {
        return transactions.read("listing folders", handle -> handle
                .createQuery("SELECT id, account_id, parent_id, name, created_at FROM folder WHERE account_id = ?")
                .bind(0, accountId)
                .map(PostgresKnowledgeStore::folder)
                .list());
    }

    @Override
    public FolderDeletion deleteFolderIfEmpty(String accountId, String folderId) {
        return transactions.write("deleting folder " + folderId, handle -> {
            // Locking the folder row makes a concurrent insert of a document or subfolder wait, or this wait for it.
            boolean exists = handle.createQuery("SELECT 1 FROM folder WHERE account_id = ? AND id = ? FOR UPDATE")
                    .bind(0, accountId)
                    .bind(1, folderId)
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent();
            if (!exists) {
                return FolderDeletion.NOT_FOUND;
            }
            boolean hasContent = handle.createQuery("SELECT EXISTS (SELECT 1 FROM document"
                            + " WHERE account_id = :account AND folder_id = :folder)"
                            + " OR EXISTS (SELECT 1 FROM folder WHERE account_id = :account AND parent_id = :folder)")
                    .bind("account", accountId)
                    .bind("folder", folderId)
                    .mapTo(Boolean.class)
                    .one();
            if (hasContent) {
                return FolderDeletion.NOT_EMPTY;
            }
            handle.createUpdate("DELETE FROM folder WHERE account_id = ? AND id = ?")
                    .bind(0, accountId)
                    .bind(1, folderId)
                    .execute();
            return FolderDeletion.DELETED;
        });
    }

    @Override
    public Map<String, Integer> countDocumentsByFolder(String accountId) {
        return transactions.read("counting documents by folder", handle -> handle
                .createQuery("SELECT folder_id, COUNT(*) FROM document WHERE account_id = ? GROUP BY folder_id")
                .bind(0, accountId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static boolean folderExists(Handle handle, String accountId, String folderId) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM folder WHERE account_id = ? AND id = ?)")
                .bind(0, accountId)
                .bind(1, folderId)
                .mapTo(Boolean.class)
                .one();
    }

    // ---- documents

    @Override
    public Document insertDocument(NewDocument document) {
        long createdAt = Times.toNanos(document.createdAt());
        long id = transactions.write("inserting document " + document.fileName(), handle -> handle
                .createQuery("INSERT INTO document (account_id, folder_id, file_name, content_hash, size_bytes,"
                        + " file_key, status, page_count, warnings, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?::jsonb, ?, ?) RETURNING id")
                .bind(0, document.accountId())
                .bind(1, document.folderId())
                .bind(2, document.fileName())
                .bind(3, document.contentHash())
                .bind(4, document.sizeBytes())
                .bind(5, document.fileKey())
                .bind(6, DocumentStatus.PENDING.name())
                .bind(7, NO_WARNINGS)
                .bind(8, createdAt)
                .bind(9, createdAt)
                .mapTo(Long.class)
                .one());
        return new Document(id, document.accountId(), document.folderId(), document.fileName(),
                document.contentHash(), document.sizeBytes(), document.fileKey(), DocumentStatus.PENDING, 0, null,
                List.of(), document.createdAt(), document.createdAt());
    }

    @Override
    public Optional<Document> findDocument(String accountId, long documentId) {
        return transactions.read("finding document " + documentId, handle -> handle
                .createQuery("SELECT " + DOCUMENT_COLUMNS + " FROM document WHERE id = ? AND account_id = ?")
                .bind(0, documentId)
                .bind(1, accountId)
                .map(PostgresKnowledgeStore::document)
                .findOne());
    }

    @Override
    public Optional<Document> findDocument(long documentId) {
        return transactions.read("finding document " + documentId, handle -> findDocument(handle, documentId, ""));
    }

    private static Optional<Document> findDocument(Handle handle, long documentId, String lockClause) {
        return handle.createQuery("SELECT " + DOCUMENT_COLUMNS + " FROM document WHERE id = ?" + lockClause)
                .bind(0, documentId)
                .map(PostgresKnowledgeStore::document)
                .findOne();
    }

    @Override
    public Set<String> referencedFileKeys(Collection<String> fileKeys) {
        if (fileKeys.isEmpty()) {
            return Set.of();
        }
        String[] keys = fileKeys.stream().distinct().toArray(String[]::new);
        return transactions.read("finding documents by file key", handle -> handle
                .createQuery("SELECT DISTINCT file_key FROM document WHERE file_key = ANY(?)")
                .bind(0, keys)
                .mapTo(String.class)
                .collect(Collectors.toSet()));
    }

    @Override
    public Optional<Document> findDocumentByHash(String accountId, String folderId, String contentHash) {
        return transactions.read("finding a document by hash", handle -> handle
                .createQuery("SELECT " + DOCUMENT_COLUMNS + " FROM document"
                        + " WHERE account_id = ? AND folder_id = ? AND content_hash = ? ORDER BY id LIMIT 1")
                .bind(0, accountId)
                .bind(1, folderId)
                .bind(2, contentHash)
                .map(PostgresKnowledgeStore::document)
                .findOne());
    }

    @Override
    public ResultPage<Document> listDocuments(String accountId, String folderId, PageRequest page) {
        String filter = folderId == null
                ? " FROM document WHERE account_id = :account"
                : " FROM document WHERE account_id = :account AND folder_id = :folder";
        return transactions.read("listing documents", handle -> {
            long total = bindScope(handle.createQuery("SELECT COUNT(*)" + filter), accountId, folderId)
                    .mapTo(Long.class)
                    .one();
            List<Document> documents = total <= page.offset()
                    ? List.of()
                    : bindScope(handle.createQuery("SELECT " + DOCUMENT_COLUMNS + filter
                                    + " ORDER BY id LIMIT :limit OFFSET :offset"), accountId, folderId)
                            .bind("limit", page.size())
                            .bind("offset", page.offset())
                            .map(PostgresKnowledgeStore::document)
                            .list();
            return new ResultPage<>(documents, total, page.page(), page.size());
        });
    }

    private static Query bindScope(Query query, String accountId, String folderId) {
        query.bind("account", accountId);
        if (folderId != null) {
            query.bind("folder", folderId);
        }
        return query;
    }

    @Override
    public List<Document> findDocumentsByStatus(Set<DocumentStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<String> names = statuses.stream().map(Enum::name).sorted().toList();
        return transactions.read("finding documents by status", handle -> handle
                .createQuery("SELECT " + DOCUMENT_COLUMNS + " FROM document WHERE status = ANY(:statuses) ORDER BY id")
                .bindArray("statuses", String.class, names)
                .map(PostgresKnowledgeStore::document)
                .list());
    }

    @Override
    public boolean updateStatus(long documentId, DocumentStatus status, String errorMessage) {
        if (status == DocumentStatus.PARSING_COMPLETED) {
            throw new IllegalArgumentException("a document reaches PARSING_COMPLETED through completeDocument only");
        }
        return transactions.write("updating the status of document " + documentId, handle -> handle
                .createUpdate("UPDATE document SET status = ?, error_message = ?, updated_at = ? WHERE id = ?")
                .bind(0, status.name())
                .bind(1, errorMessage)
                .bind(2, Times.toNanos(clock.instant()))
                .bind(3, documentId)
                .execute() > 0);
    }

    @Override
    public boolean completeDocument(
            long documentId, List<Page> pages, List<NewPassage> passages, List<String> warnings) {
        String encodedWarnings = JsonContent.write(warnings);
        return transactions.write("storing the content of document " + documentId, handle -> {
            // The row lock orders this against a concurrent delete of the same document, on any node.
            if (findDocument(handle, documentId, " FOR UPDATE").isEmpty()) {
                return false;
            }
            handle.createUpdate("DELETE FROM page WHERE document_id = ?").bind(0, documentId).execute();
            boolean hadPassages = handle.createUpdate("DELETE FROM passage WHERE document_id = ?")
                    .bind(0, documentId)
                    .execute() > 0;
            try {
                Connection connection = handle.getConnection();
                insertPages(connection, documentId, pages);
                if (hadPassages) {
                    // Logged before the new passages, so an index replaying the log drops the old ones first.
                    recordRemoval(handle, documentId);
                }
                insertPassages(connection, documentId, passages, allocate(handle, passages.size()));
            } catch (SQLException e) {
                throw new IllegalStateException("storing the content of document " + documentId + " failed", e);
            }
            handle.createUpdate("UPDATE document SET status = ?, page_count = ?, warnings = ?::jsonb,"
                            + " error_message = NULL, updated_at = ?, lease_owner = NULL, lease_until = NULL"
                            + " WHERE id = ?")
                    .bind(0, DocumentStatus.PARSING_COMPLETED.name())
                    .bind(1, pages.size())
                    .bind(2, encodedWarnings)
                    .bind(3, Times.toNanos(clock.instant()))
                    .bind(4, documentId)
                    .execute();
            return true;
        });
    }

    static void insertPages(Connection connection, long documentId, List<Page> pages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO page"
                + " (document_id, number, width, height, rotation, blocks) VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
            int pending = 0;
            for (Page page : pages) {
                insert.setLong(1, documentId);
                insert.setInt(2, page.number());
                insert.setFloat(3, page.width());
                insert.setFloat(4, page.height());
                insert.setInt(5, page.rotation());
                insert.setString(6, JsonContent.write(page.blocks()));
                insert.addBatch();
                if (++pending == BATCH_SIZE) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    static void insertPassages(
            Connection connection, long documentId, List<NewPassage> passages, long firstId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO passage"
                + " (id, document_id, ordinal, text, heading_path, lines, pages)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)")) {
            long id = firstId;
            int pending = 0;
            for (NewPassage passage : passages) {
                insert.setLong(1, id++);
                insert.setLong(2, documentId);
                insert.setInt(3, passage.ordinal());
                insert.setString(4, passage.text());
                insert.setString(5, JsonContent.write(passage.headingPath()));
                insert.setString(6, JsonContent.write(passage.lines()));
                insert.setString(7, JsonContent.write(passage.pages()));
                insert.addBatch();
                if (++pending == BATCH_SIZE) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Takes {@code count} consecutive sequence numbers inside the caller's write transaction and returns the first.
     * The row stays locked until the caller's transaction ends: that is what keeps sequence order equal to commit
     * order across nodes.
     */
    static long allocate(Handle handle, int count) {
        long last = handle.createQuery("UPDATE change_sequence SET value = value + ? WHERE id = 1 RETURNING value")
                .bind(0, count)
                .mapTo(Long.class)
                .one();
        return last - count + 1;
    }

    private static void recordRemoval(Handle handle, long documentId) {
        long sequence = allocate(handle, 1);
        handle.createUpdate("INSERT INTO document_removal (sequence, document_id) VALUES (?, ?)")
                .bind(0, sequence)
                .bind(1, documentId)
                .execute();
    }

    @Override
    public Optional<Document> deleteDocument(String accountId, long documentId) {
        return transactions.write("deleting document " + documentId, handle -> {
            Optional<Document> document = findDocument(handle, documentId, " FOR UPDATE")
                    .filter(found -> found.accountId().equals(accountId));
            if (document.isEmpty()) {
                return document;
            }
            handle.createUpdate("DELETE FROM passage WHERE document_id = ?").bind(0, documentId).execute();
            handle.createUpdate("DELETE FROM page WHERE document_id = ?").bind(0, documentId).execute();
            handle.createUpdate("DELETE FROM document WHERE id = ?").bind(0, documentId).execute();
            recordRemoval(handle, documentId);
            return document;
        });
    }

    // ---- content

    @Override
    public List<Page> pages(long documentId) {
        return transactions.read("reading the pages of document " + documentId, handle -> handle
                .createQuery("SELECT number, width, height, rotation, blocks::text FROM page WHERE document_id = ?"
                        + " ORDER BY number")
                .bind(0, documentId)
                .map((rs, ctx) -> new Page(rs.getInt(1), rs.getFloat(2), rs.getFloat(3), rs.getInt(4),
                        JsonContent.blocks(rs.getString(5))))
                .list());
    }

    @Override
    public List<Passage> passages(Collection<Long> passageIds) {
        if (passageIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(new TreeSet<>(passageIds));
        return transactions.read("reading passages", handle -> handle
                .createQuery(PASSAGE_SELECT + " WHERE p.id = ANY(:ids) ORDER BY p.id")
                .bindArray("ids", Long.class, ids)
                .map(PostgresKnowledgeStore::passage)
                .list());
    }

    @Override
    public List<Passage> passagesOfDocument(long documentId) {
        return transactions.read("reading the passages of document " + documentId, handle -> handle
                .createQuery(PASSAGE_SELECT + " WHERE p.document_id = ? ORDER BY p.ordinal, p.id")
                .bind(0, documentId)
                .map(PostgresKnowledgeStore::passage)
                .list());
    }

    // ---- change log

    @Override
    public List<KnowledgeChange> changesSince(long afterSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return transactions.read("reading the change log", handle -> {
            // The limit is applied to the passage key before the join, so a batch reads only its own rows.
            List<Passage> added = handle.createQuery("SELECT p.id, p.document_id, d.account_id, d.folder_id,"
                            + " p.ordinal, p.text, p.heading_path::text, p.lines::text, p.pages::text"
                            + " FROM (SELECT * FROM passage WHERE id > ? ORDER BY id LIMIT ?) p"
                            + " JOIN document d ON d.id = p.document_id ORDER BY p.id")
                    .bind(0, afterSequence)
                    .bind(1, limit)
                    .map(PostgresKnowledgeStore::passage)
                    .list();
            List<KnowledgeChange.DocumentRemoved> removed = handle.createQuery("SELECT sequence, document_id"
                            + " FROM document_removal WHERE sequence > ? ORDER BY sequence LIMIT ?")
                    .bind(0, afterSequence)
                    .bind(1, limit)
                    .map((rs, ctx) -> new KnowledgeChange.DocumentRemoved(rs.getLong(1), rs.getLong(2)))
                    .list();
            List<KnowledgeChange> merged = new ArrayList<>(Math.min(limit, added.size() + removed.size()));
            int a = 0;
            int r = 0;
            while (merged.size() < limit && (a < added.size() || r < removed.size())) {
                boolean takeAdded = r == removed.size()
                        || (a < added.size() && added.get(a).id() < removed.get(r).sequence());
                merged.add(takeAdded ? new KnowledgeChange.PassageAdded(added.get(a++)) : removed.get(r++));
            }
            return merged;
        });
    }

    @Override
    public long lastSequence() {
        return transactions.read("reading the last sequence", handle -> handle
                .createQuery("SELECT value FROM change_sequence WHERE id = 1")
                .mapTo(Long.class)
                .one());
    }

    // ---- vectors

    @Override
    public void storeVectors(String modelId, List<PassageVector> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        transactions.write("storing " + vectors.size() + " passage vectors", handle -> {
            // Drawn before the inserts: the row lock on the counter keeps vector sequences in commit order.
            long last = handle.createQuery(
                            "UPDATE vector_sequence SET value = value + ? WHERE id = 1 RETURNING value")
                    .bind(0, vectors.size())
                    .mapTo(Long.class)
                    .one();
            long sequence = last - vectors.size() + 1;
            try (PreparedStatement insert = handle.getConnection().prepareStatement(
                    // The passage may have been deleted since it was embedded: then there is nothing to store.
                    "INSERT INTO passage_vector (passage_id, sequence, model, space, vector)"
                            + " SELECT id, ?, ?, ?, ? FROM passage WHERE id = ?"
                            + " ON CONFLICT (passage_id) DO UPDATE SET sequence = EXCLUDED.sequence,"
                            + " model = EXCLUDED.model, space = EXCLUDED.space, vector = EXCLUDED.vector")) {
                for (PassageVector vector : vectors) {
                    insert.setLong(1, sequence++);
                    insert.setString(2, modelId);
                    insert.setString(3, vector.embedding().space());
                    insert.setBytes(4, VectorCodec.encode(vector.embedding().vector()));
                    insert.setLong(5, vector.passageId());
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("storing passage vectors failed", e);
            }
            return null;
        });
    }

    @Override
    public List<Passage> passagesToEmbed(String modelId, long afterPassageId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return transactions.read("finding passages to embed", handle -> handle
                .createQuery(PASSAGE_SELECT + " LEFT JOIN passage_vector v ON v.passage_id = p.id"
                        + " WHERE p.id > ? AND (v.model IS NULL OR v.model <> ?) ORDER BY p.id LIMIT ?")
                .bind(0, afterPassageId)
                .bind(1, modelId)
                .bind(2, limit)
                .map(PostgresKnowledgeStore::passage)
                .list());
    }

    @Override
    public Map<Long, StoredVector> vectors(Collection<Long> passageIds) {
        if (passageIds.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = new ArrayList<>(new TreeSet<>(passageIds));
        return transactions.read("reading passage vectors", handle -> {
            Map<Long, StoredVector> found = new HashMap<>();
            handle.createQuery(VECTOR_SELECT + " WHERE passage_id = ANY(:ids)")
                    .bindArray("ids", Long.class, ids)
                    .map(PostgresKnowledgeStore::vector)
                    .forEach(v -> found.put(v.passageId(), v));
            return found;
        });
    }

    @Override
    public List<StoredVector> vectorsSince(long afterSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return transactions.read("reading the vector log", handle -> handle
                .createQuery(VECTOR_SELECT + " WHERE sequence > ? ORDER BY sequence LIMIT ?")
                .bind(0, afterSequence)
                .bind(1, limit)
                .map(PostgresKnowledgeStore::vector)
                .list());
    }

    @Override
    public long lastVectorSequence() {
        // The counter, not MAX(sequence): the highest vector may have been deleted since.
        return transactions.read("reading the last vector sequence", handle -> handle
                .createQuery("SELECT value FROM vector_sequence WHERE id = 1")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public EmbeddingProgress embeddingProgress(String modelId) {
        return transactions.read("counting embedded passages", handle -> handle
                .createQuery("SELECT COUNT(*), COUNT(*) FILTER (WHERE v.model = ?) FROM passage p"
                        + " LEFT JOIN passage_vector v ON v.passage_id = p.id")
                .bind(0, modelId)
                .map((rs, ctx) -> new EmbeddingProgress(rs.getLong(1), rs.getLong(2)))
                .one());
    }

    @Override
    public EmbeddingProgress embeddingProgress(String modelId, long documentId) {
        return transactions.read("counting embedded passages of document " + documentId, handle -> handle
                .createQuery("SELECT COUNT(*), COUNT(*) FILTER (WHERE v.model = ?) FROM passage p"
                        + " LEFT JOIN passage_vector v ON v.passage_id = p.id WHERE p.document_id = ?")
                .bind(0, modelId)
                .bind(1, documentId)
                .map((rs, ctx) -> new EmbeddingProgress(rs.getLong(1), rs.getLong(2)))
                .one());
    }

    private static StoredVector vector(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredVector(rs.getLong(1), rs.getLong(2), rs.getString(3),
                new Embedding(rs.getString(4), VectorCodec.decode(rs.getBytes(5))));
    }

    // ---- mapping

    private static Folder folder(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Folder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Times.fromNanos(rs.getLong(5)));
    }

    private static Document document(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Document(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), DocumentStatus.valueOf(rs.getString(8)), rs.getInt(9),
                rs.getString(10), JsonContent.strings(rs.getString(11)), Times.fromNanos(rs.getLong(12)),
                Times.fromNanos(rs.getLong(13)));
    }

    private static Passage passage(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Passage(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), JsonContent.strings(rs.getString(7)), JsonContent.passageLines(rs.getString(8)),
                JsonContent.passagePages(rs.getString(9)));
    }
}
