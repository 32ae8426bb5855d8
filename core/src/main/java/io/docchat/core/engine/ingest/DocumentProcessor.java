package io.docchat.core.engine.ingest;

import io.docchat.core.engine.index.IndexSync;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.port.FileStore;
import io.docchat.core.port.IngestClaims;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.NewPassage;
import io.docchat.core.port.ParseResult;
import io.docchat.core.port.ParsedDocument;
import io.docchat.core.text.chunking.Chunker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses one submitted document into pages and passages and makes them searchable: {@code PENDING → PARSING →}
 * {@code PARSING_COMPLETED} or {@code PARSING_FAILED} with a reason. A document deleted meanwhile stays deleted,
 * because the store refuses to complete a document that no longer exists.
 */
public final class DocumentProcessor {
    private static final Logger log = LoggerFactory.getLogger(DocumentProcessor.class);

    private final KnowledgeStore store;
    private final FileStore files;
    private final ParserRunner parsers;
    private final Chunker chunker;
    private final IndexSync indexSync;
    private final IngestClaims claims;
    private final String owner;
    private final Duration lease;

    public DocumentProcessor(KnowledgeStore store, FileStore files, ParserRunner parsers, Chunker chunker,
            IndexSync indexSync, IngestClaims claims, String owner, Duration lease) {
        this.store = store;
        this.files = files;
        this.parsers = parsers;
        this.chunker = chunker;
        this.indexSync = indexSync;
        this.claims = claims;
        this.owner = owner;
        this.lease = lease;
    }

    /**
     * Processes the document unless it is gone, already final, or claimed by another engine sharing the store.
     *
     * @throws InterruptedException when the engine closes mid-way; the document is then left as it is, to be resumed
     *     by the next engine
     */
    void process(long documentId) throws InterruptedException {
        Optional<Document> found = store.findDocument(documentId);
        if (found.isEmpty() || found.get().status().isFinal()) {
            return;
        }
        if (!claims.claim(documentId, owner, lease)) {
            log.debug("Document {} is being parsed by another engine", documentId);
            return;
        }
        try {
            process(found.get());
        } finally {
            claims.release(documentId, owner);
        }
    }

    private void process(Document document) throws InterruptedException {
        long documentId = document.id();
        if (!store.updateStatus(documentId, DocumentStatus.PARSING, null)) {
            return;
        }
        Optional<byte[]> content = files.read(document.fileKey());
        if (content.isEmpty()) {
            fail(document, "The original file is missing from the file store.");
            return;
        }
        ParseResult result = parsers.parse(document.fileName(), content.get());
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("closing while parsing document " + documentId);
        }
        if (result instanceof ParseResult.Failure failure) {
            fail(document, reason(failure));
            return;
        }
        ParsedDocument parsed = ((ParseResult.Success) result).document();
        Optional<String> overLimit = ContentLimits.DEFAULT.exceededBy(parsed);
        if (overLimit.isPresent()) {
            fail(document, overLimit.get());
            return;
        }
        List<NewPassage> passages;
        try {
            passages = chunker.chunk(parsed.pages());
        } catch (RuntimeException e) {
            log.warn("Could not split document {} ({}) into passages", documentId, document.fileName(), e);
            fail(document, "The document's text could not be split into passages: " + e.getMessage());
            return;
        }
        // Pending before the store says complete, so that nobody is told complete before the index has it.
        indexSync.beginCompletion(document);
        boolean stored;
        try {
            stored = store.completeDocument(documentId, parsed.pages(), passages, parsed.warnings());
        } catch (RuntimeException e) {
            indexSync.abandon(documentId);
            throw e;
        }
        if (!stored) {
            indexSync.abandon(documentId);
            log.info("Document {} was deleted while it was parsed; its content is discarded", documentId);
            return;
        }
        log.debug("Parsed document {} ({}): {} pages, {} passages",
                documentId, document.fileName(), parsed.pages().size(), passages.size());
        try {
            indexSync.awaitSearchable(document);
        } catch (InterruptedException e) {
            // Stored already: the next start's reconcile puts it in the index, so nothing is left to resume.
            Thread.currentThread().interrupt();
        }
    }

    private void fail(Document document, String reason) {
        if (store.updateStatus(document.id(), DocumentStatus.PARSING_FAILED, reason)) {
            log.info("Parsing document {} ({}) failed: {}", document.id(), document.fileName(), reason);
        }
    }

    private static String reason(ParseResult.Failure failure) {
        String message = failure.message();
        if (message != null && !message.isBlank()) {
            return message;
        }
        return switch (failure.kind()) {
            case EMPTY -> "The file holds no text.";
            case CORRUPT -> "The file is damaged and cannot be read.";
            case ENCRYPTED -> "The file is encrypted.";
            case UNSUPPORTED_TYPE -> "This kind of file is not supported.";
            case TOO_LARGE -> "The file is too large to parse.";
            case LIMIT_EXCEEDED -> "The file exceeds a parsing limit.";
            case TIMEOUT -> "Parsing took too long.";
        };
    }
}
