package io.docchat.core.port;

import io.docchat.core.model.Passage;

/**
 * One entry of a knowledge store's change log, which the passage index replays. Every change has a position in one
 * monotonically increasing sequence; passage ids are drawn from the same sequence.
 */
public sealed interface KnowledgeChange {
    long sequence();

    /** A passage was committed (its document completed parsing). */
    record PassageAdded(Passage passage) implements KnowledgeChange {
        @Override
        public long sequence() {
            return passage.id();
        }
    }

    /** A document and all its passages were deleted. */
    record DocumentRemoved(long sequence, long documentId) implements KnowledgeChange {}
}
