package io.docchat.core.engine.ingest;

import com.google.common.util.concurrent.Striped;
import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.api.Documents;
import io.docchat.core.api.FileSubmission;
import io.docchat.core.api.SubmissionOutcome;
import io.docchat.core.engine.catalog.FolderService;
import io.docchat.core.engine.catalog.Ids;
import io.docchat.core.engine.catalog.Validation;
import io.docchat.core.engine.index.IndexSync;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Page;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.port.FileStore;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.NewDocument;
import io.docchat.core.port.PageRenderer;
import io.docchat.core.text.rendering.MarkdownRenderer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Submission, status, content, files and page images of documents. */
public final class DocumentService implements Documents {
    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    private static final long MAX_POLL_MILLIS = 250;
    /** Every original file's key starts so; {@link OrphanFiles} looks for orphans under it. */
    static final String FILE_KEY_PREFIX = "files/";

    private final KnowledgeStore store;
    private final FileStore files;
    private final FolderService folders;
    private final ParserRunner parsers;
    private final List<PageRenderer> renderers;
    private final IngestQueue queue;
    private final IndexSync indexSync;
    private final long maxFileBytes;
    private final float imageScale;
    private final Clock clock;
    /** Serializes submissions of the same bytes to the same folder, so that they yield one document. */
    private final Striped<Lock> submissionLocks = Striped.lock(64);

    public DocumentService(KnowledgeStore store, FileStore files, FolderService folders, ParserRunner parsers,
            List<PageRenderer> renderers, IngestQueue queue, IndexSync indexSync,
            long maxFileBytes, int pageImageDpi, Clock clock) {
        this.store = store;
        this.files = files;
        this.folders = folders;
        this.parsers = parsers;
        this.renderers = List.copyOf(renderers);
        this.queue = queue;
        this.indexSync = indexSync;
        this.maxFileBytes = maxFileBytes;
        this.imageScale = pageImageDpi / 72f;
        this.clock = clock;
    }

    @Override
    public Document submit(String accountId, String folderId, String fileName, byte[] content) {
        if (content == null) {
            throw DocChatException.missing("content");
        }
        return submitAll(accountId, folderId, List.of(new FileSubmission(fileName, content))).get(0).documentOrThrow();
    }

    @Override
    public List<SubmissionOutcome> submitAll(String accountId, String folderId, List<FileSubmission> submissions) {
        String account = Validation.account(accountId);
        folders.requireFolder(account, folderId);
        SubmissionOutcome[] outcomes = new SubmissionOutcome[submissions.size()];
        Map<Integer, String> hashes = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.length; i++) {
            FileSubmission submission = submissions.get(i);
            try {
                hashes.put(i, sha256(accepted(submission)));
            } catch (DocChatException e) {
                outcomes[i] = SubmissionOutcome.refused(submission.fileName(), e);
            }
        }
        List<Lock> locks = new ArrayList<>();
        submissionLocks.bulkGet(hashes.values().stream().map(hash -> account + '/' + folderId + '/' + hash).toList())
                .forEach(locks::add);
        locks.forEach(Lock::lock);
        try {
            // Bytes already in the folder, or twice in this batch, are one document.
            Map<String, Document> known = new HashMap<>();
            Map<String, Integer> firstNew = new HashMap<>();
            Map<Integer, Integer> copies = new LinkedHashMap<>();
            Map<Integer, String> fileKeys = new LinkedHashMap<>();
            Map<String, byte[]> contents = new LinkedHashMap<>();
            hashes.forEach((i, hash) -> {
                Optional<Document> existing = known.containsKey(hash) ? Optional.of(known.get(hash))
                        : store.findDocumentByHash(account, folderId, hash);
                if (existing.isPresent()) {
                    known.put(hash, existing.get());
                    outcomes[i] = SubmissionOutcome.accepted(submissions.get(i).fileName(),
                            indexSync.reported(existing.get()));
                } else if (firstNew.containsKey(hash)) {
                    copies.put(i, firstNew.get(hash));
                } else {
                    String fileKey = FILE_KEY_PREFIX + Ids.newId();
                    firstNew.put(hash, i);
                    fileKeys.put(i, fileKey);
                    contents.put(fileKey, submissions.get(i).content());
                }
            });
            try {
                files.putAll(contents);
            } catch (RuntimeException e) {
                contents.keySet().forEach(this::deleteQuietly);
                throw e;
            }
            fileKeys.forEach((i, fileKey) -> {
                FileSubmission submission = submissions.get(i);
                try {
                    outcomes[i] = SubmissionOutcome.accepted(submission.fileName(),
                            record(account, folderId, submission, hashes.get(i), fileKey));
                } catch (DocChatException e) {
                    outcomes[i] = SubmissionOutcome.refused(submission.fileName(), e);
                }
            });
            copies.forEach((i, first) -> outcomes[i] = new SubmissionOutcome(submissions.get(i).fileName(),
                    outcomes[first].document(), outcomes[first].failure()));
            return List.of(outcomes);
        } finally {
            locks.forEach(Lock::unlock);
        }
    }

    /** The submission's content, if a document may be made of it. */
    private byte[] accepted(FileSubmission submission) {
        String name = fileName(submission.fileName());
        byte[] content = submission.content();
        if (content.length > maxFileBytes) {
            throw new DocChatException(ErrorCode.PAYLOAD_TOO_LARGE, "content",
                    name + " is " + content.length + " bytes; the limit is " + maxFileBytes + " bytes", null);
        }
        if (parsers.parserFor(name, content).isEmpty()) {
            throw new DocChatException(ErrorCode.UNSUPPORTED_DOCUMENT_TYPE, "fileName",
                    "no parser can read " + name + "; supported files depend on the parsers configured", null);
        }
        return content;
    }

    /** Records the document of a stored file and queues it; on failure leaves neither the document nor the file. */
    private Document record(String account, String folderId, FileSubmission submission, String hash, String fileKey) {
        Document document;
        try {
            document = store.insertDocument(new NewDocument(account, folderId, fileName(submission.fileName()), hash,
                    submission.content().length, fileKey, clock.instant()));
        } catch (RuntimeException e) {
            deleteQuietly(fileKey);
            throw e;
        }
        try {
            queue.submit(account, document.id());
        } catch (RuntimeException e) {
            // Refused work must leave nothing behind: the caller still has the bytes and may retry.
            store.deleteDocument(account, document.id());
            deleteQuietly(fileKey);
            indexSync.changed();
            throw e;
        }
        return document;
    }

    @Override
    public Document get(String accountId, long documentId) {
        return indexSync.reported(require(Validation.account(accountId), documentId));
    }

    @Override
    public ResultPage<Document> list(String accountId, String folderId, PageRequest page) {
        String account = Validation.account(accountId);
        if (folderId != null) {
            folders.requireFolder(account, folderId);
        }
        return store.listDocuments(
                account, folderId, page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page)
                .map(indexSync::reported);
    }

    @Override
    public Document awaitProcessed(String accountId, long documentId, Duration timeout) {
        String account = Validation.account(accountId);
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        Document document = searchable(require(account, documentId));
        if (document.status().isFinal()) {
            return document;
        }
        Optional<CompletableFuture<Void>> signal = queue.completion(documentId);
        try {
            if (signal.isPresent()) {
                signal.get().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            // Not queued here, or the job ended without finishing it (another engine on a shared store claimed it,
            // or it finished just now): poll.
            long sleepMillis = 10;
            document = require(account, documentId);
            while (!document.status().isFinal() && !queue.isClosing() && System.nanoTime() < deadline) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                Thread.sleep(Math.max(1, Math.min(sleepMillis, left)));
                sleepMillis = Math.min(MAX_POLL_MILLIS, sleepMillis * 2);
                document = require(account, documentId);
            }
            return searchable(document);
        } catch (TimeoutException e) {
            // The latest state below says how far it got.
        } catch (ExecutionException e) {
            log.debug("Completion signal of document {} failed", documentId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return searchable(require(account, documentId));
    }

    /** A document is reported complete only once the index has its passages (see {@link IndexSync#reported}). */
    private Document searchable(Document document) {
        return indexSync.reported(document);
    }

    @Override
    public void delete(String accountId, long documentId) {
        String account = Validation.account(accountId);
        Document deleted = store.deleteDocument(account, documentId)
                .orElseThrow(() -> DocChatException.documentNotFound(documentId));
        deleteQuietly(deleted.fileKey());
        // Searches drop hits of deleted documents, so nobody needs to wait for the index to forget it.
        indexSync.changed();
    }

    @Override
    public List<Page> pages(String accountId, long documentId) {
        require(Validation.account(accountId), documentId);
        return store.pages(documentId);
    }

    @Override
    public String markdown(String accountId, long documentId) {
        return MarkdownRenderer.markdown(pages(accountId, documentId));
    }

    @Override
    public byte[] originalFile(String accountId, long documentId) {
        Document document = require(Validation.account(accountId), documentId);
        return content(document);
    }

    @Override
    public byte[] pageImage(String accountId, long documentId, int pageNumber) {
        Document document = require(Validation.account(accountId), documentId);
        if (pageNumber < 1 || (document.status().isFinal() && pageNumber > document.pageCount())) {
            throw pageNotFound(document, pageNumber);
        }
        byte[] content = content(document);
        for (PageRenderer renderer : renderers) {
            if (renderer.accepts(document.fileName(), content)) {
                return renderer.renderPng(document.fileName(), content, pageNumber, imageScale)
                        .orElseThrow(() -> pageNotFound(document, pageNumber));
            }
        }
        throw new DocChatException(ErrorCode.DOCUMENT_NOT_FOUND, "documentId",
                "pages of " + document.fileName() + " (document " + documentId + ") cannot be drawn as images", null);
    }

    @Override
    public float imageScale() {
        return imageScale;
    }

    private Document require(String accountId, long documentId) {
        return store.findDocument(accountId, documentId)
                .orElseThrow(() -> DocChatException.documentNotFound(documentId));
    }

    private byte[] content(Document document) {
        return files.read(document.fileKey()).orElseThrow(() -> new DocChatException(ErrorCode.DOCUMENT_NOT_FOUND,
                "documentId", "the original file of document " + document.id() + " is missing", null));
    }

    private static DocChatException pageNotFound(Document document, int pageNumber) {
        return new DocChatException(ErrorCode.DOCUMENT_NOT_FOUND, "pageNumber",
                "document " + document.id() + " has no page " + pageNumber, null);
    }

    private void deleteQuietly(String fileKey) {
        try {
            files.delete(fileKey);
        } catch (RuntimeException e) {
            log.warn("Could not delete file {}; it is left orphaned", fileKey, e);
        }
    }

    /** The file name without any directory part; it must have an extension, which parsers and clients rely on. */
    static String fileName(String fileName) {
        String name = Validation.required("fileName", fileName);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).strip();
        if (name.isEmpty()) {
            throw DocChatException.missing("fileName");
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            throw DocChatException.invalid("fileName", "must have an extension, such as report.pdf");
        }
        return Validation.printable("fileName", Validation.atMost("fileName", name, 255));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
