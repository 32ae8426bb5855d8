package io.docchat.core.memory;

import io.docchat.core.contract.AccountStoreContract;
import io.docchat.core.port.AccountStore;

class InMemoryAccountStoreTest extends AccountStoreContract {

    @Override
    protected AccountStore create() {
        return new InMemoryAccountStore();
    }
}
