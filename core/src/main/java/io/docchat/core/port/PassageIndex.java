package io.docchat.core.port;

import java.util.List;

/**
 * The search index over passages: derived data, always rebuildable from the {@link KnowledgeStore}'s change log.
 *
 * <p>Changes are visible to the next {@link #search} as soon as a method returns (near-real-time) and durable after
 * {@link #commit}. The index tracks the highest change sequence applied; the engine applies changes in sequence order,
 * so every change up to {@link #appliedSequence()} is in the index. Writes are made by one thread at a time; searches
 * may run concurrently with them and with each other.
 */
public interface PassageIndex extends AutoCloseable {

    /** Adds passages (replacing any with the same id); the applied sequence becomes at least the largest id. */
    void add(List<IndexedPassage> passages);

    /** Removes every passage of a document; the applied sequence becomes at least {@code sequence}. */
    void removeDocument(long documentId, long sequence);

    /** The best {@code limit} passages for the query within the scope, best first; empty for a blank query. */
    List<ScoredPassage> search(SearchRequest request);

    /** The highest change sequence applied: after a restart, the last committed one (0 for a new or cleared index). */
    long appliedSequence();

    /** Makes everything applied so far durable, together with the applied sequence. */
    void commit();

    /** Removes every passage and resets the applied sequence to 0 (for a full rebuild). */
    void clear();

    /** Commits nothing; releases files and memory. */
    @Override
    void close();
}
