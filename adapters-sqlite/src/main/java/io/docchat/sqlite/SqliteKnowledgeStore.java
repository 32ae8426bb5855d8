package io.docchat.sqlite;

import io.docchat.core.DocChatException;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.port.Embedding;
import io.docchat.core.model.EmbeddingProgress;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Page;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Passage;
import io.docchat.core.port.PassageVector;
import io.docchat.core.model.ResultPage;
import io.docchat.core.port.DocumentPassage;
import io.docchat.core.port.KnowledgeChange;
import io.docchat.core.port.StoredVector;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.NewDocument;
import io.docchat.core.port.NewPassage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
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
 * {@link KnowledgeStore} on the SQLite database; a view of a {@link SqliteDatabase}, closed with it.
 *
 * <p>Passage ids and document removals draw from one counter, {@code change_sequence}, incremented inside the write
 * transaction that commits them. Writes are serialized, so sequence order is commit order and a reader of the change
 * log can never see a sequence number that is later overtaken by a smaller one. The change log itself is the
 * {@code passage} table (ids are sequences) merged with the {@code document_removal} table.
 *
 * <p>Completing a document again replaces its pages and passages; when it already had passages, a
 * {@link KnowledgeChange.DocumentRemoved} is logged before the new passages, so an index replaying the log drops the
 * old passages instead of keeping them beside the new ones.
 *
 * <p>Pages are stored as one row each with their blocks and lines in the compact binary form of {@link ContentCodec};
 * passages likewise keep their lines and heading path in one column. A completed document is written with prepared,
 * batched inserts in a single transaction.
 */
public final class SqliteKnowledgeStore implements KnowledgeStore {
    private static final int FILE_KEYS_PER_QUERY = 500;
    private static final String DOCUMENT_COLUMNS = "id, account_id, folder_id, file_name, content_hash, size_bytes,"
            + " file_key, status, page_count, error_message, warnings, created_at, updated_at";
    private static final String PASSAGE_SELECT = "SELECT p.id, p.document_id, d.account_id, d.folder_id, p.ordinal,"
            + " p.text, p.heading_path, p.lines, p.pages FROM passage p JOIN document d ON d.id = p.document_id";
    /** Passage columns (1 to 9), then the document's (10 on), in one join. */
    private static final String PASSAGE_WITH_DOCUMENT_SELECT = "SELECT p.id, p.document_id, d.account_id,"
            + " d.folder_id, p.ordinal, p.text, p.heading_path, p.lines, p.pages, d."
            + DOCUMENT_COLUMNS.replace(", ", ", d.") + " FROM passage p JOIN document d ON d.id = p.document_id";
    private static final String VECTOR_SELECT =
            "SELECT sequence, passage_id, model, space, vector FROM passage_vector";
    private static final int BATCH_SIZE = 1_000;
    /** Well under SQLite's limit of bound parameters per statement. */
    private static final int IDS_PER_QUERY = 500;
    private static final byte[] NO_WARNINGS = ContentCodec.encodeStrings(List.of(), new ByteWriter(4));

    private final SqliteTransactions transactions;
    private final Clock clock;

    SqliteKnowledgeStore(SqliteTransactions transactions, Clock clock) {
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
                .map(SqliteKnowledgeStore::folder)
                .findOne());
    }

    @Override
    public List<Folder> listFolders(String accountId) {
        return transactions.read("listing folders", handle -> handle
                .createQuery("SELECT id, account_id, parent_id, name, created_at FROM folder WHERE account_id = ?")
                .bind(0, accountId)
                .map(SqliteKnowledgeStore::folder)
                .list());
    }

    @Override
    public FolderDeletion deleteFolderIfEmpty(String accountId, String folderId) {
        return transactions.write("deleting folder " + folderId, handle -> {
            if (!folderExists(handle, accountId, folderId)) {
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
        long id = transactions.write("inserting document " + document.fileName(), handle -> {
            handle.createUpdate("INSERT INTO document (account_id, folder_id, file_name, content_hash, size_bytes,"
                            + " file_key, status, page_count, warnings, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
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
                    .execute();
            return handle.createQuery("SELECT last_insert_rowid()").mapTo(Long.class).one();
        });
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
                .map(SqliteKnowledgeStore::document)
                .findOne());
    }

    @Override
    public Optional<Document> findDocument(long documentId) {
        return transactions.read("finding document " + documentId, handle -> findDocument(handle, documentId));
    }

    private static Optional<Document> findDocument(Handle handle, long documentId) {
        return handle.createQuery("SELECT " + DOCUMENT_COLUMNS + " FROM document WHERE id = ?")
                .bind(0, documentId)
                .map(SqliteKnowledgeStore::document)
                .findOne();
    }

    @Override
    public Optional<Document> findDocumentByHash(String accountId, String folderId, String contentHash) {
        return transactions.read("finding a document by hash", handle -> handle
                .createQuery("SELECT " + DOCUMENT_COLUMNS + " FROM document"
                        + " WHERE account_id = ? AND folder_id = ? AND content_hash = ? ORDER BY id LIMIT 1")
                .bind(0, accountId)
                .bind(1, folderId)
                .bind(2, contentHash)
                .map(SqliteKnowledgeStore::document)
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
                            .map(SqliteKnowledgeStore::document)
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
    public Set<String> referencedFileKeys(Collection<String> fileKeys) {
        List<String> keys = List.copyOf(new HashSet<>(fileKeys));
        Set<String> referenced = new HashSet<>();
        // Bounded statements: SQLite limits the number of parameters of one statement.
        for (int from = 0; from < keys.size(); from += FILE_KEYS_PER_QUERY) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + FILE_KEYS_PER_QUERY));
            String placeholders = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            referenced.addAll(transactions.read("finding documents by file key", handle -> {
                Query query = handle.createQuery(
                        "SELECT file_key FROM document WHERE file_key IN (" + placeholders + ")");
                for (int i = 0; i < chunk.size(); i++) {
                    query.bind(i, chunk.get(i));
                }
                return query.mapTo(String.class).list();
            }));
        }
        return referenced;
    }

    @Override
    public List<Document> findDocumentsByStatus(Set<DocumentStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<String> names = statuses.stream().map(Enum::name).sorted().toList();
        String placeholders = String.join(", ", Collections.nCopies(names.size(), "?"));
        return transactions.read("finding documents by status", handle -> {
            Query query = handle.createQuery("SELECT " + DOCUMENT_COLUMNS + " FROM document"
                    + " WHERE status IN (" + placeholders + ") ORDER BY id");
            for (int i = 0; i < names.size(); i++) {
                query.bind(i, names.get(i));
            }
            return query.map(SqliteKnowledgeStore::document).list();
        });
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
        ByteWriter scratch = new ByteWriter(4096);
        byte[] encodedWarnings = ContentCodec.encodeStrings(warnings, scratch);
        return transactions.write("storing the content of document " + documentId, handle -> {
            boolean exists = handle.createQuery("SELECT EXISTS (SELECT 1 FROM document WHERE id = ?)")
                    .bind(0, documentId)
                    .mapTo(Boolean.class)
                    .one();
            if (!exists) {
                return false;
            }
            boolean hadPassages = handle.createQuery("SELECT EXISTS (SELECT 1 FROM passage WHERE document_id = ?)")
                    .bind(0, documentId)
                    .mapTo(Boolean.class)
                    .one();
            handle.createUpdate("DELETE FROM page WHERE document_id = ?").bind(0, documentId).execute();
            if (hadPassages) {
                handle.createUpdate("DELETE FROM passage WHERE document_id = ?").bind(0, documentId).execute();
                recordRemoval(handle, documentId);
            }
            try {
                Connection connection = handle.getConnection();
                insertPages(connection, documentId, pages, scratch);
                insertPassages(connection, documentId, passages, allocate(handle, passages.size()), scratch);
            } catch (SQLException e) {
                throw new IllegalStateException("storing the content of document " + documentId + " failed", e);
            }
            handle.createUpdate("UPDATE document SET status = ?, page_count = ?, warnings = ?, error_message = NULL,"
                            + " updated_at = ? WHERE id = ?")
                    .bind(0, DocumentStatus.PARSING_COMPLETED.name())
                    .bind(1, pages.size())
                    .bind(2, encodedWarnings)
                    .bind(3, Times.toNanos(clock.instant()))
                    .bind(4, documentId)
                    .execute();
            return true;
        });
    }

    private static void insertPages(Connection connection, long documentId, List<Page> pages, ByteWriter scratch)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO page (document_id, number, width, height, rotation, blocks) VALUES (?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Page page : pages) {
                insert.setLong(1, documentId);
                insert.setInt(2, page.number());
                insert.setFloat(3, page.width());
                insert.setFloat(4, page.height());
                insert.setInt(5, page.rotation());
                insert.setBytes(6, ContentCodec.encodeBlocks(page.blocks(), scratch));
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

    private static void insertPassages(
            Connection connection, long documentId, List<NewPassage> passages, long firstId, ByteWriter scratch)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO passage"
                + " (id, document_id, ordinal, text, heading_path, lines, pages) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            long id = firstId;
            int pending = 0;
            for (NewPassage passage : passages) {
                insert.setLong(1, id++);
                insert.setLong(2, documentId);
                insert.setInt(3, passage.ordinal());
                insert.setString(4, passage.text());
                insert.setBytes(5, ContentCodec.encodeStrings(passage.headingPath(), scratch));
                insert.setBytes(6, ContentCodec.encodePassageLines(passage.lines(), scratch));
                insert.setBytes(7, ContentCodec.encodePassagePages(passage.pages(), scratch));
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

    /** Takes {@code count} consecutive sequence numbers inside the caller's write transaction; returns the first. */
    private static long allocate(Handle handle, int count) {
        long last = handle.createQuery("SELECT value FROM change_sequence WHERE id = 1").mapTo(Long.class).one();
        if (count > 0) {
            handle.createUpdate("UPDATE change_sequence SET value = ? WHERE id = 1").bind(0, last + count).execute();
        }
        return last + 1;
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
            Optional<Document> document = findDocument(handle, documentId)
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
                .createQuery("SELECT number, width, height, rotation, blocks FROM page WHERE document_id = ?"
                        + " ORDER BY number")
                .bind(0, documentId)
                .map((rs, ctx) -> new Page(rs.getInt(1), rs.getFloat(2), rs.getFloat(3), rs.getInt(4),
                        ContentCodec.decodeBlocks(rs.getBytes(5))))
                .list());
    }

    @Override
    public List<Passage> passages(Collection<Long> passageIds) {
        if (passageIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(new TreeSet<>(passageIds));
        return transactions.read("reading passages", handle -> {
            List<Passage> found = new ArrayList<>(ids.size());
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                String placeholders = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                Query query = handle.createQuery(PASSAGE_SELECT + " WHERE p.id IN (" + placeholders + ") ORDER BY p.id");
                for (int i = 0; i < chunk.size(); i++) {
                    query.bind(i, chunk.get(i));
                }
                found.addAll(query.map(SqliteKnowledgeStore::passage).list());
            }
            return found;
        });
    }

    @Override
    public List<DocumentPassage> passagesWithDocuments(String accountId, Collection<Long> passageIds) {
        if (passageIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(new TreeSet<>(passageIds));
        return transactions.read("reading passages with their documents", handle -> {
            List<DocumentPassage> found = new ArrayList<>(ids.size());
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                String placeholders = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                Query query = handle.createQuery(PASSAGE_WITH_DOCUMENT_SELECT
                        + " WHERE d.account_id = ? AND p.id IN (" + placeholders + ") ORDER BY p.id");
                query.bind(0, accountId);
                for (int i = 0; i < chunk.size(); i++) {
                    query.bind(i + 1, chunk.get(i));
                }
                found.addAll(query.map(SqliteKnowledgeStore::passageWithDocument).list());
            }
            return found;
        });
    }

    @Override
    public List<Passage> passagesOfDocument(long documentId) {
        return transactions.read("reading the passages of document " + documentId, handle -> handle
                .createQuery(PASSAGE_SELECT + " WHERE p.document_id = ? ORDER BY p.ordinal, p.id")
                .bind(0, documentId)
                .map(SqliteKnowledgeStore::passage)
                .list());
    }

    // ---- change log

    @Override
    public List<KnowledgeChange> changesSince(long afterSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return transactions.read("reading the change log", handle -> {
            List<Passage> added = handle.createQuery(PASSAGE_SELECT + " WHERE p.id > ? ORDER BY p.id LIMIT ?")
                    .bind(0, afterSequence)
                    .bind(1, limit)
                    .map(SqliteKnowledgeStore::passage)
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
            try (PreparedStatement insert = handle.getConnection().prepareStatement(
                    // The passage may have been deleted since it was embedded: then there is nothing to store.
                    "INSERT OR REPLACE INTO passage_vector (passage_id, model, space, vector)"
                            + " SELECT id, ?, ?, ? FROM passage WHERE id = ?")) {
                for (PassageVector vector : vectors) {
                    insert.setString(1, modelId);
                    insert.setString(2, vector.embedding().space());
                    insert.setBytes(3, VectorCodec.encode(vector.embedding().vector()));
                    insert.setLong(4, vector.passageId());
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
                .map(SqliteKnowledgeStore::passage)
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
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                String placeholders = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                Query query = handle.createQuery(VECTOR_SELECT + " WHERE passage_id IN (" + placeholders + ")");
                for (int i = 0; i < chunk.size(); i++) {
                    query.bind(i, chunk.get(i));
                }
                query.map(SqliteKnowledgeStore::vector).forEach(v -> found.put(v.passageId(), v));
            }
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
                .map(SqliteKnowledgeStore::vector)
                .list());
    }

    @Override
    public long lastVectorSequence() {
        // The AUTOINCREMENT counter, not MAX(sequence): the highest vector may have been deleted since.
        return transactions.read("reading the last vector sequence", handle -> handle
                .createQuery("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'passage_vector'), 0)")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public EmbeddingProgress embeddingProgress(String modelId) {
        return transactions.read("counting embedded passages", handle -> handle
                .createQuery("SELECT COUNT(*), COALESCE(SUM(v.model = ?), 0) FROM passage p"
                        + " LEFT JOIN passage_vector v ON v.passage_id = p.id")
                .bind(0, modelId)
                .map((rs, ctx) -> new EmbeddingProgress(rs.getLong(1), rs.getLong(2)))
                .one());
    }

    @Override
    public EmbeddingProgress embeddingProgress(String modelId, long documentId) {
        return transactions.read("counting embedded passages of document " + documentId, handle -> handle
                .createQuery("SELECT COUNT(*), COALESCE(SUM(v.model = ?), 0) FROM passage p"
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
        return document(rs, 0);
    }

    /** The document whose {@link #DOCUMENT_COLUMNS} start after column {@code offset}. */
    private static Document document(ResultSet rs, int offset) throws SQLException {
        int o = offset;
        return new Document(rs.getLong(o + 1), rs.getString(o + 2), rs.getString(o + 3), rs.getString(o + 4),
                rs.getString(o + 5), rs.getLong(o + 6), rs.getString(o + 7),
                DocumentStatus.valueOf(rs.getString(o + 8)), rs.getInt(o + 9), rs.getString(o + 10), ContentCodec.decodeStrings(rs.getBytes(o + 11)),
                Times.fromNanos(rs.getLong(o + 12)), Times.fromNanos(rs.getLong(o + 13)));
    }

    private static Passage passage(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Passage(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), ContentCodec.decodeStrings(rs.getBytes(7)),
                ContentCodec.decodePassageLines(rs.getBytes(8)), ContentCodec.decodePassagePages(rs.getBytes(9)));
    }

    private static DocumentPassage passageWithDocument(ResultSet rs, StatementContext ctx) throws SQLException {
        return new DocumentPassage(passage(rs, ctx), document(rs, 9));
    }
}
