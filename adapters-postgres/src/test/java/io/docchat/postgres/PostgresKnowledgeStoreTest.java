package io.docchat.postgres;

import io.docchat.core.contract.KnowledgeStoreContract;
import io.docchat.core.port.KnowledgeStore;
import org.junit.jupiter.api.AfterEach;

/** The KnowledgeStore contract on a real PostgreSQL server, reconnected where the contract checks durability. */
class PostgresKnowledgeStoreTest extends KnowledgeStoreContract {
    private PostgresStoreFixture fixture;

    @Override
    protected KnowledgeStore create() {
        fixture = new PostgresStoreFixture();
        return fixture.storage().knowledgeStore();
    }

    @Override
    protected KnowledgeStore reopen(KnowledgeStore old) {
        return fixture.reopen().knowledgeStore();
    }

    @AfterEach
    void closeStorage() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
