package io.docchat.core.memory;

import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.port.IngestClaims;
import io.docchat.core.port.KnowledgeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link IngestClaims} held in memory beside a knowledge store that only this process uses (in memory or an embedded
 * database): claims need not outlive the process, because a restarted engine resumes every unfinished document anyway.
 */
public final class InMemoryIngestClaims implements IngestClaims {
    private static final Set<DocumentStatus> UNFINISHED = EnumSet.of(DocumentStatus.PENDING, DocumentStatus.PARSING);

    private record Claim(String owner, Instant until) {}

    private final KnowledgeStore store;
    private final Clock clock;
    private final Map<Long, Claim> claims = new HashMap<>();

    public InMemoryIngestClaims(KnowledgeStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean claim(long documentId, String owner, Duration lease) {
        Optional<Document> document = store.findDocument(documentId);
        if (document.isEmpty() || !UNFINISHED.contains(document.get().status())) {
            claims.remove(documentId);
            return false;
        }
        Instant now = clock.instant();
        Claim held = claims.get(documentId);
        if (held != null && !held.owner().equals(owner) && held.until().isAfter(now)) {
            return false;
        }
        claims.put(documentId, new Claim(owner, now.plus(lease)));
        return true;
    }

    @Override
    public synchronized List<Long> claimUnclaimed(String owner, Duration lease, int limit) {
        Instant now = clock.instant();
        List<Long> claimed = new ArrayList<>();
        for (Document document : store.findDocumentsByStatus(UNFINISHED)) {
            if (claimed.size() >= limit) {
                break;
            }
            Claim held = claims.get(document.id());
            if (held == null || !held.until().isAfter(now)) {
                claims.put(document.id(), new Claim(owner, now.plus(lease)));
                claimed.add(document.id());
            }
        }
        return claimed;
    }

    @Override
    public synchronized void release(long documentId, String owner) {
        Claim held = claims.get(documentId);
        if (held != null && held.owner().equals(owner)) {
            claims.remove(documentId);
        }
    }
}
