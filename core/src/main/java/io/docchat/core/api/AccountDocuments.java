package io.docchat.core.api;

import io.docchat.core.model.Document;
import io.docchat.core.model.Page;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import java.time.Duration;
import java.util.List;

/** {@link Documents} of one account; each method is the facade's with the account filled in. */
public final class AccountDocuments {
    private final Documents documents;
    private final String accountId;

    AccountDocuments(Documents documents, String accountId) {
        this.documents = documents;
        this.accountId = accountId;
    }

    /** @see Documents#submit(String, String, String, byte[]) */
    public Document submit(String folderId, String fileName, byte[] content) {
        return documents.submit(accountId, folderId, fileName, content);
    }

    /** @see Documents#submitAll(String, String, List) */
    public List<SubmissionOutcome> submitAll(String folderId, List<FileSubmission> files) {
        return documents.submitAll(accountId, folderId, files);
    }

    /** @see Documents#get(String, long) */
    public Document get(long documentId) {
        return documents.get(accountId, documentId);
    }

    /** @see Documents#list(String, String, PageRequest) */
    public ResultPage<Document> list(String folderId, PageRequest page) {
        return documents.list(accountId, folderId, page);
    }

    /** @see Documents#awaitProcessed(String, long, Duration) */
    public Document awaitProcessed(long documentId, Duration timeout) {
        return documents.awaitProcessed(accountId, documentId, timeout);
    }

    /** @see Documents#delete(String, long) */
    public void delete(long documentId) {
        documents.delete(accountId, documentId);
    }

    /** @see Documents#pages(String, long) */
    public List<Page> pages(long documentId) {
        return documents.pages(accountId, documentId);
    }

    /** @see Documents#markdown(String, long) */
    public String markdown(long documentId) {
        return documents.markdown(accountId, documentId);
    }

    /** @see Documents#originalFile(String, long) */
    public byte[] originalFile(long documentId) {
        return documents.originalFile(accountId, documentId);
    }

    /** @see Documents#pageImage(String, long, int) */
    public byte[] pageImage(long documentId, int pageNumber) {
        return documents.pageImage(accountId, documentId, pageNumber);
    }

    /** @see Documents#imageScale() */
    public float imageScale() {
        return documents.imageScale();
    }
}
