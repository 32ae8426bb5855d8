package io.docchat.core.memory;

import io.docchat.core.contract.PassageIndexContract;
import io.docchat.core.port.PassageIndex;

class InMemoryPassageIndexTest extends PassageIndexContract {

    @Override
    protected PassageIndex create() {
        return new InMemoryPassageIndex();
    }
}
