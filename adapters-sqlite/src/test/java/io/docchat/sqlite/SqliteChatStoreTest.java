package io.docchat.sqlite;

import io.docchat.core.contract.ChatStoreContract;
import io.docchat.core.port.ChatStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The ChatStore contract on a real database file, reopened where the contract checks durability. */
class SqliteChatStoreTest extends ChatStoreContract {
    @TempDir
    Path directory;

    private SqliteStoreFixture fixture;

    @Override
    protected ChatStore create() {
        fixture = new SqliteStoreFixture(directory);
        return fixture.database().chatStore();
    }

    @Override
    protected ChatStore reopen(ChatStore old) {
        return fixture.reopen().chatStore();
    }

    @AfterEach
    void closeDatabase() {
        fixture.close();
    }
}
