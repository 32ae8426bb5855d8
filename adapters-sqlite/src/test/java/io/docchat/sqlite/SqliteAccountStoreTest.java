package io.docchat.sqlite;

import io.docchat.core.contract.AccountStoreContract;
import io.docchat.core.port.AccountStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The AccountStore contract on a real database file, reopened where the contract checks durability. */
class SqliteAccountStoreTest extends AccountStoreContract {
    @TempDir
    Path directory;

    private SqliteStoreFixture fixture;

    @Override
    protected AccountStore create() {
        fixture = new SqliteStoreFixture(directory);
        return fixture.database().accountStore();
    }

    @Override
    protected AccountStore reopen(AccountStore old) {
        return fixture.reopen().accountStore();
    }

    @AfterEach
    void closeDatabase() {
        fixture.close();
    }
}
