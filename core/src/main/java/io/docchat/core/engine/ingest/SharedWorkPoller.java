package io.docchat.core.engine.ingest;

import io.docchat.core.engine.index.IndexSync;
import io.docchat.core.port.IngestClaims;
import io.docchat.core.port.KnowledgeStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an engine on a store shared with other engines does every {@link #interval}: applies to its own passage index
 * the changes other engines committed (so its replica stays current without waiting for a search to ask), and claims
 * unclaimed documents for its ingest threads when they run short of work: documents another engine accepted but has not started, or whose
 * claim ran out because that engine died.
 */
public final class SharedWorkPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedWorkPoller.class);

    private final KnowledgeStore store;
    private final IngestClaims claims;
    private final String owner;
    private final Duration lease;
    private final IngestQueue queue;
    private final IndexSync indexSync;
    private final ScheduledExecutorService timer;

    public SharedWorkPoller(KnowledgeStore store, IngestClaims claims, String owner, Duration lease, IngestQueue queue, IndexSync indexSync,
            Duration interval) {
        this.store = store;
        this.claims = claims;
        this.owner = owner;
        this.lease = lease;
        this.queue = queue;
        this.indexSync = indexSync;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new DaemonThreads("docchat-shared-"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timer = executor;
        timer.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            // Other engines' commits reach this replica through the background applier.
            indexSync.changed();
            int wanted = queue.wantedJobs();
            if (wanted > 0) {
                List<Long> claimed = claims.claimUnclaimed(owner, lease, wanted);
                for (long documentId : claimed) {
                    if (queue.completion(documentId).isEmpty()) {
                        // Queued in its account's turn, like the documents accepted here.
                        store.findDocument(documentId)
                                .ifPresent(document -> queue.resume(document.accountId(), documentId));
                    }
                }
                if (!claimed.isEmpty()) {
                    log.debug("Claimed {} documents left unclaimed on the shared store", claimed.size());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Looking for shared work failed; retrying at the next interval", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
