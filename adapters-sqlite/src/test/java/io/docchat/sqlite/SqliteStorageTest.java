package io.docchat.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.model.Account;
import io.docchat.core.model.Folder;
import io.docchat.core.port.KnowledgeStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite module gives the engine its three stores and hands the database to the engine to close. */
class SqliteStorageTest {
    @TempDir
    Path directory;

    @Test
    void theEngineKeepsItsDataInTheModulesDatabaseAndClosesIt() {
        Path file = directory.resolve("docchat.db");
        SqliteStorage storage = SqliteStorage.open(file);
        KnowledgeStore store = storage.database().knowledgeStore();
        Folder folder;
        try (DocChat docChat = DocChat.builder().install(storage).build()) {
            folder = docChat.account(Account.LOCAL).folders().create(null, "manuals");
            docChat.accounts().issueAccessKey("acme");
            assertThat(store.findFolder(Account.LOCAL, folder.id())).contains(folder);
        }

        assertThatThrownBy(() -> store.listFolders(Account.LOCAL))
                .isInstanceOfSatisfying(DocChatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE))
                .hasMessageContaining("closed");
        try (DocChat reopened = DocChat.builder().install(SqliteStorage.open(file)).build()) {
            assertThat(reopened.folders().get(Account.LOCAL, folder.id())).isEqualTo(folder);
            assertThat(reopened.accounts().hasCredentials()).isTrue();
        }
    }
}
