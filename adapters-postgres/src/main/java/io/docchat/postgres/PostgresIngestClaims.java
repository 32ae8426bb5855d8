package io.docchat.postgres;

import io.docchat.core.port.IngestClaims;
import java.time.Duration;
import java.util.List;

/**
 * {@link IngestClaims} on the {@code lease_owner} and {@code lease_until} columns of the document table, shared by every
 * node; a view of a {@link PostgresStorage}, closed with it.
 *
 * <p>Unclaimed work is taken with {@code FOR UPDATE SKIP LOCKED}: nodes asking at once each lock different rows and
 * never wait for one another. Lease times come from the database server's clock, so the nodes' clocks need not agree.
 */
public final class PostgresIngestClaims implements IngestClaims {
    /** The server's current time in nanoseconds since the epoch (to its microsecond resolution). */
    private static final String NOW = "(FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint * 1000)";
    private static final String UNFINISHED = "status IN ('PENDING', 'PARSING')";

    private final PostgresTransactions transactions;

    PostgresIngestClaims(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean claim(long documentId, String owner, Duration lease) {
        return transactions.write("claiming document " + documentId, handle -> handle
                .createUpdate("UPDATE document SET lease_owner = :owner, lease_until = " + NOW + " + :lease"
                        + " WHERE id = :id AND " + UNFINISHED
                        + " AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until <= " + NOW + ")")
                .bind("owner", owner)
                .bind("lease", lease.toNanos())
                .bind("id", documentId)
                .execute() > 0);
    }

    @Override
    public List<Long> claimUnclaimed(String owner, Duration lease, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return transactions.write("claiming unclaimed documents", handle -> handle
                .createQuery("UPDATE document SET lease_owner = :owner, lease_until = " + NOW + " + :lease"
                        + " WHERE id IN (SELECT id FROM document WHERE " + UNFINISHED
                        + " AND (lease_owner IS NULL OR lease_until <= " + NOW + ")"
                        + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING id")
                .bind("owner", owner)
                .bind("lease", lease.toNanos())
                .bind("limit", limit)
                .mapTo(Long.class)
                .list()
                .stream()
                .sorted()
                .toList());
    }

    @Override
    public void release(long documentId, String owner) {
        transactions.write("releasing document " + documentId, handle -> handle
                .createUpdate("UPDATE document SET lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ? AND lease_owner = ?")
                .bind(0, documentId)
                .bind(1, owner)
                .execute());
    }
}
