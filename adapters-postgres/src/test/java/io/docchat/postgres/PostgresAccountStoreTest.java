package io.docchat.postgres;

import io.docchat.core.contract.AccountStoreContract;
import io.docchat.core.port.AccountStore;
import org.junit.jupiter.api.AfterEach;

/** The AccountStore contract on a real PostgreSQL server, reconnected where the contract checks durability. */
class PostgresAccountStoreTest extends AccountStoreContract {
    private PostgresStoreFixture fixture;

    @Override
    protected AccountStore create() {
        fixture = new PostgresStoreFixture();
        return fixture.storage().accountStore();
    }

    @Override
    protected AccountStore reopen(AccountStore old) {
        return fixture.reopen().accountStore();
    }

    @AfterEach
    void closeStorage() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
