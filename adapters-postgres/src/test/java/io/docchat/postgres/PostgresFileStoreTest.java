package io.docchat.postgres;

import io.docchat.core.contract.FileStoreContract;
import io.docchat.core.port.FileStore;
import org.junit.jupiter.api.AfterEach;

/** The FileStore contract on a real PostgreSQL server, reconnected where the contract checks durability. */
class PostgresFileStoreTest extends FileStoreContract {
    private PostgresStoreFixture fixture;

    @Override
    protected FileStore create() {
        fixture = new PostgresStoreFixture();
        return fixture.storage().fileStore();
    }

    @Override
    protected FileStore reopen(FileStore old) {
        return fixture.reopen().fileStore();
    }

    @AfterEach
    void closeStorage() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
