package io.docchat.core.port;

import java.time.Duration;
import java.util.List;

/**
 * Who is parsing which document, so that several engines sharing one {@link KnowledgeStore} parse each document once
 * and take over the work of an engine that died. A claim is held by an owner (one engine) for a lease; a claim whose
 * lease has run out counts as absent. Only unfinished documents ({@code PENDING} or {@code PARSING}) can be claimed.
 * Lease times are measured by the store's own clock, so the owners' clocks need not agree.
 *
 * <p>Implementations are safe for concurrent use by several owners at once, in one process or many.
 */
public interface IngestClaims {

    /**
     * Claims the document for {@code owner} for {@code lease} from now, unless another owner holds a live claim on it.
     * The owner's own claim is renewed.
     *
     * @return true if {@code owner} now holds the claim; false if another owner does, or the document is finished or
     *     gone
     */
    boolean claim(long documentId, String owner, Duration lease);

    /**
     * Claims for {@code owner} up to {@code limit} unfinished documents that nobody holds a live claim on, oldest
     * first: work submitted to an engine that has not started it yet, or abandoned by an engine that died. Two owners
     * asking at once never get the same document.
     *
     * @return the ids claimed, ascending
     */
    List<Long> claimUnclaimed(String owner, Duration lease, int limit);

    /** Gives up the owner's claim on the document, if it holds one, so that another owner may take it at once. */
    void release(long documentId, String owner);
}
