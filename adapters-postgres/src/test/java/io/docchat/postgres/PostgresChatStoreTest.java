package io.docchat.postgres;

import io.docchat.core.contract.ChatStoreContract;
import io.docchat.core.port.ChatStore;
import org.junit.jupiter.api.AfterEach;

/** The ChatStore contract on a real PostgreSQL server, reconnected where the contract checks durability. */
class PostgresChatStoreTest extends ChatStoreContract {
    private PostgresStoreFixture fixture;

    @Override
    protected ChatStore create() {
        fixture = new PostgresStoreFixture();
        return fixture.storage().chatStore();
    }

    @Override
    protected ChatStore reopen(ChatStore old) {
        return fixture.reopen().chatStore();
    }

    @AfterEach
    void closeStorage() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
