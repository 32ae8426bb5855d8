package io.docchat.documents;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pages read by OCR so far across all documents of the parsers sharing this instance, for progress displays: OCR is
 * slow enough (seconds per page) that a document-level count alone looks stuck. Thread-safe.
 */
public final class OcrProgress {

    private final AtomicLong pagesRead = new AtomicLong();
    private final AtomicInteger pagesInProgress = new AtomicInteger();

    /** Pages whose OCR has finished (read, empty or failed). */
    public long pagesRead() {
        return pagesRead.get();
    }

    /** Pages being read by OCR at this moment. */
    public int pagesInProgress() {
        return pagesInProgress.get();
    }

    void started() {
        pagesInProgress.incrementAndGet();
    }

    void finished() {
        pagesInProgress.decrementAndGet();
        pagesRead.incrementAndGet();
    }
}
