package io.docchat.core.port;

import java.util.List;

/**
 * The search index over passages: derived data, always rebuildable from the {@link KnowledgeStore}'s change log.
 *
 * <p>Changes are visible to the next {@link #search} as soon as a method returns (near-real-time) and durable after
 * {@link #commit}. The index tracks the highest change sequence applied; the engine applies changes in sequence order,
 * so every change up to {@link #appliedSequence()} is in the index. Writes are made by one thread at a time; searches
 * may run concurrently with them and with each other.
 *
 * <p>Vectors follow passages: a passage is first added without one (searchable by its words), and later replaced with
 * its vector by {@link #addVectors}, which replays the store's vector log and records how far it got in
 * {@link #appliedVectorSequence()}, durable with the same {@link #commit}.
 */
public interface PassageIndex extends AutoCloseable {

    /** Adds passages (replacing any with the same id); the applied sequence becomes at least the largest id. */
    void add(List<IndexedPassage> passages);

    /** Removes every passage of a document; the applied sequence becomes at least {@code sequence}. */
    void removeDocument(long documentId, long sequence);

    /** The best {@code limit} passages for the query within the scope, best first; empty for a blank query. */
    List<ScoredPassage> search(SearchRequest request);

    /**
     * The passages nearest in meaning to any of the query vectors (each compared within its own space), within the
     * request's account and scope, best first, at most {@code request.limit()}; the request's text is not used. A
     * hit's score is its highest cosine similarity. Passages without a vector are never found.
     */
    List<ScoredPassage> nearest(SearchRequest request, List<Embedding> queryVectors);

    /**
     * Replaces passages already added with these versions, which carry their vectors, and records that the store's
     * vector log is applied up to {@code vectorSequence}. The change sequence is not moved.
     */
    void addVectors(List<IndexedPassage> passages, long vectorSequence);

    /** The highest vector-log sequence applied: after a restart, the last committed one (0 when new or cleared). */
    long appliedVectorSequence();

    /** The highest change sequence applied: after a restart, the last committed one (0 for a new or cleared index). */
    long appliedSequence();

    /** Makes everything applied so far durable, together with the applied sequence. */
    void commit();

    /** Removes every passage and resets both applied sequences to 0 (for a full rebuild). */
    void clear();

    /** Commits nothing; releases files and memory. */
    @Override
    void close();
}
