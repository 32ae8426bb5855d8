package io.docchat.core.engine.ingest;

import io.docchat.core.port.FileStore;
import io.docchat.core.port.KnowledgeStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes original files that belong to no document: left by a crash between storing a file and recording its
 * document, or by a deletion whose file could not be removed. Only files older than {@link #GRACE} are candidates, so
 * that a submission under way in another process on the same store (its file stored, its document not yet) keeps
 * its file.
 */
public final class OrphanFiles {
    private static final Logger log = LoggerFactory.getLogger(OrphanFiles.class);
    /** How old a file without a document must be before it is removed. */
    public static final Duration GRACE = Duration.ofHours(1);

    private OrphanFiles() {}

    /** Removes the orphans among the documents' files written before {@code now} minus the grace; returns how many. */
    public static int remove(FileStore files, KnowledgeStore store, Instant now) {
        List<String> candidates = files.keysWrittenBefore(DocumentService.FILE_KEY_PREFIX, now.minus(GRACE));
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<String> referenced = store.referencedFileKeys(candidates);
        int removed = 0;
        for (String key : candidates) {
            if (!referenced.contains(key)) {
                try {
                    if (files.delete(key)) {
                        removed++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Could not remove the orphan file {}; the next start tries again", key, e);
                }
            }
        }
        if (removed > 0) {
            log.info("Removed {} orphan files: older than {} and belonging to no document", removed, GRACE);
        }
        return removed;
    }
}
