package io.docchat.core.memory;

import io.docchat.core.contract.KnowledgeStoreContract;
import io.docchat.core.port.KnowledgeStore;

class InMemoryKnowledgeStoreTest extends KnowledgeStoreContract {

    @Override
    protected KnowledgeStore create() {
        return new InMemoryKnowledgeStore();
    }
}
