package io.docchat.lucene;

import io.docchat.core.contract.PassageIndexContract;
import io.docchat.core.port.PassageIndex;

/** The port contract on an index held in memory. */
class LucenePassageIndexTest extends PassageIndexContract {

    @Override
    protected PassageIndex create() {
        return LucenePassageIndex.inMemory();
    }
}
