package io.docchat.core.memory;

import io.docchat.core.contract.IngestClaimsContract;
import java.time.Clock;

class InMemoryIngestClaimsTest extends IngestClaimsContract {
    @Override
    protected Subject create() {
        InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
        return new Subject(store, new InMemoryIngestClaims(store, Clock.systemUTC()));
    }
}
