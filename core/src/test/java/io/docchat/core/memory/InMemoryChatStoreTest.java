package io.docchat.core.memory;

import io.docchat.core.contract.ChatStoreContract;
import io.docchat.core.port.ChatStore;

class InMemoryChatStoreTest extends ChatStoreContract {

    @Override
    protected ChatStore create() {
        return new InMemoryChatStore();
    }
}
