package io.docchat.sqlite;

import io.docchat.core.contract.KnowledgeStoreContract;
import io.docchat.core.port.KnowledgeStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The KnowledgeStore contract on a real database file, reopened where the contract checks durability. */
class SqliteKnowledgeStoreTest extends KnowledgeStoreContract {
    @TempDir
    Path directory;

    private SqliteStoreFixture fixture;

    @Override
    protected KnowledgeStore create() {
        fixture = new SqliteStoreFixture(directory);
        return fixture.database().knowledgeStore();
    }

    @Override
    protected KnowledgeStore reopen(KnowledgeStore old) {
        return fixture.reopen().knowledgeStore();
    }

    @AfterEach
    void closeDatabase() {
        fixture.close();
    }
}
