package io.docchat.core.api;

import io.docchat.core.model.Document;
import io.docchat.core.model.Page;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import java.time.Duration;
import java.util.List;

/** Documents: submission (parsed in the background), status, content, files and page images. */
public interface Documents {

    /**
     * Stores the file and queues it for parsing; returns at once with the document {@code PENDING}. The same bytes
     * submitted twice to one folder return the existing document.
     *
     * @throws io.docchat.core.DocChatException {@code FOLDER_NOT_FOUND}, {@code UNSUPPORTED_DOCUMENT_TYPE} when no
     *     parser accepts the content, {@code PAYLOAD_TOO_LARGE} over the size limit, {@code MISSING_PARAMETER} for a
     *     blank file name
     */
    Document submit(String accountId, String folderId, String fileName, byte[] content);

    /**
     * Submits several files to one folder as {@link #submit} does each, with one outcome per file in their order: a
     * refused file (unsupported, too large, unnamed) does not stop the others. The accepted files are made durable
     * together, which costs a directory of small files far fewer flushes to disk than one submission each.
     *
     * @throws io.docchat.core.DocChatException {@code FOLDER_NOT_FOUND}; {@code STORAGE_FAILURE} when the files cannot
     *     be stored, in which case none of them is a document
     */
    List<SubmissionOutcome> submitAll(String accountId, String folderId, List<FileSubmission> files);

    /** @throws io.docchat.core.DocChatException {@code DOCUMENT_NOT_FOUND} */
    Document get(String accountId, long documentId);

    /** Documents oldest first; only those directly in {@code folderId} unless it is null. */
    ResultPage<Document> list(String accountId, String folderId, PageRequest page);

    /**
     * Waits until the document is parsed (and searchable) or failed, or the timeout passes; returns its latest state.
     */
    Document awaitProcessed(String accountId, long documentId, Duration timeout);

    /** Deletes the document, its pages, passages and file; chat history keeps its citation snapshots. */
    void delete(String accountId, long documentId);

    /** The parsed pages (empty until parsing completes). */
    List<Page> pages(String accountId, long documentId);

    /** The parsed content as Markdown. */
    String markdown(String accountId, long documentId);

    /** The original file's bytes. */
    byte[] originalFile(String accountId, long documentId);

    /**
     * A PNG of the 1-based page at {@link #imageScale()} pixels per page unit.
     *
     * @throws io.docchat.core.DocChatException {@code DOCUMENT_NOT_FOUND} for an unknown page or a document whose
     *     pages cannot be drawn
     */
    byte[] pageImage(String accountId, long documentId, int pageNumber);

    /** Pixels per page unit of page images (the configured DPI / 72): multiply boxes by it to get image pixels. */
    float imageScale();
}
