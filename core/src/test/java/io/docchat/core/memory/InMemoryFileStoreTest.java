package io.docchat.core.memory;

import io.docchat.core.contract.FileStoreContract;
import io.docchat.core.port.FileStore;

class InMemoryFileStoreTest extends FileStoreContract {

    @Override
    protected FileStore create() {
        return new InMemoryFileStore();
    }
}
