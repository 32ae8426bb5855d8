package io.docchat.postgres;

import io.docchat.core.contract.IngestClaimsContract;
import org.junit.jupiter.api.AfterEach;

/** The IngestClaims contract on a real PostgreSQL server. */
class PostgresIngestClaimsTest extends IngestClaimsContract {
    private PostgresStoreFixture fixture;

    @Override
    protected Subject create() {
        fixture = new PostgresStoreFixture();
        return new Subject(fixture.storage().knowledgeStore(), fixture.storage().ingestClaims());
    }

    @AfterEach
    void closeStorage() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
