package io.docchat.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.contract.ContractFixtures;
import io.docchat.core.model.Account;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Document;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.Session;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.NewDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, migrating and closing a database file, and writers on two connections to one file. */
class SqliteDatabaseTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path directory;

    @Test
    void openCreatesParentDirectoriesAppliesTheSchemaOnceAndUsesWal() throws SQLException {
        Path file = directory.resolve("a").resolve("b").resolve("docchat.db");
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            database.accountStore().insertAccount(new Account("acme", "Acme", T0));
        }
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            assertThat(database.accountStore().findAccount("acme")).isPresent();
        }
        assertThat(Files.isRegularFile(file)).isTrue();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // Every migration listed is applied, each exactly once, in order.
            assertThat(query(raw, "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)"))
                    .isEqualTo(listedMigrationVersions());
            assertThat(query(raw, "PRAGMA journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftUntouched() throws SQLException {
        Path file = directory.resolve("docchat.db");
        SqliteDatabase.open(file).close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'V99__future.sql', 0)");
        }

        assertThatThrownBy(() -> SqliteDatabase.open(file))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE))
                .hasMessageContaining("schema version 99");
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(query(raw, "SELECT MAX(version) FROM schema_version")).isEqualTo("99");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearStorageFailure() throws Exception {
        Path file = directory.resolve("docchat.db");
        Files.writeString(file, "this is not a SQLite database, just some text that is long enough to have a header");

        assertThatThrownBy(() -> SqliteDatabase.open(file))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE))
                .hasMessageContaining(file.getFileName().toString());
        assertThat(Files.readString(file)).startsWith("this is not a SQLite database");
    }

    @Test
    void closeIsIdempotentAndLaterUseFailsClearly() {
        SqliteDatabase database = SqliteDatabase.open(directory.resolve("docchat.db"));
        KnowledgeStore store = database.knowledgeStore();
        database.close();
        database.close();

        assertThatThrownBy(() -> store.listFolders("acme"))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE))
                .hasMessageContaining("closed");
    }

    @Test
    void aMissingParentFolderIsReportedAndNothingIsWritten() {
        try (SqliteDatabase database = SqliteDatabase.open(directory.resolve("docchat.db"))) {
            KnowledgeStore store = database.knowledgeStore();
            Folder orphan = new Folder("0000000000000000000000000000000b", "acme", "0000000000000000000000000000000a",
                    "Orphan", T0);

            assertThatThrownBy(() -> store.insertFolder(orphan))
                    .isInstanceOfSatisfying(DocChatException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.FOLDER_NOT_FOUND));
            assertThat(store.listFolders("acme")).isEmpty();
        }
    }

    /**
     * Two database instances on one file stand for two processes (a server and a CLI command): their writers contend
     * for SQLite's file lock, which the busy timeout and retries absorb, so no caller sees SQLITE_BUSY.
     */
    @Test
    void twoProcessesWritingTheSameFileNeverSeeBusy() throws Exception {
        Path file = directory.resolve("docchat.db");
        try (SqliteDatabase first = SqliteDatabase.open(file); SqliteDatabase second = SqliteDatabase.open(file)) {
            Folder folder = new Folder("0000000000000000000000000000000f", "acme", null, "Shared", T0);
            first.knowledgeStore().insertFolder(folder);
            List<KnowledgeStore> stores = List.of(first.knowledgeStore(), second.knowledgeStore());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    KnowledgeStore store = stores.get(t % 2);
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 50; i++) {
                            store.insertDocument(new NewDocument("acme", folder.id(), "t" + thread + "-" + i + ".txt",
                                    "hash-" + thread + "-" + i, 10, "files/" + thread + "/" + i, T0));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(second.knowledgeStore().listDocuments("acme", folder.id(), PageRequest.first(10)).total())
                    .isEqualTo(200);
        }
    }

    @Test
    void historyKeepsItsCitationsAfterTheCitedDocumentIsDeleted() {
        try (SqliteDatabase database = SqliteDatabase.open(directory.resolve("docchat.db"))) {
            KnowledgeStore knowledge = database.knowledgeStore();
            Folder folder = new Folder("0000000000000000000000000000000c", "acme", null, "Manuals", T0);
            knowledge.insertFolder(folder);
            Document document = knowledge.insertDocument(new NewDocument("acme", folder.id(), "pump.pdf", "hash", 10,
                    "files/pump", T0));
            knowledge.completeDocument(document.id(), List.of(ContractFixtures.page(1, "pump", 2)),
                    List.of(ContractFixtures.passage(0, "The pump delivers 30 m3/h.", 1, 1)), List.of());
            Session session = new Session("00000000000000000000000000000005", "acme", "acme", folder.id(), "Chat", T0,
                    T0);
            database.chatStore().insertSession(session);
            ChatItem item = new ChatItem("item-1", session.id(), "acme", "Flow?", "30 m3/h [1].", ChatStatus.COMPLETED,
                    null, folder.id(), folder.name(), List.of(ContractFixtures.citation(document.id())), T0);
            database.chatStore().appendChatItem(item);

            assertThat(knowledge.deleteDocument("acme", document.id())).isPresent();

            assertThat(database.chatStore().listChatItems(session.id(), PageRequest.first(10)).items())
                    .containsExactly(item);
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** The versions of the migrations the store lists, joined with commas: "1,2,…". */
    private static String listedMigrationVersions() {
        try (var in = SqliteDatabase.class.getResourceAsStream("migration/index.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty())
                    .map(line -> line.substring(1, line.indexOf("__")))
                    .collect(java.util.stream.Collectors.joining(","));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
