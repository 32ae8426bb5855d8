package io.docchat.core.api;

import io.docchat.core.DocChatException;
import io.docchat.core.model.Document;

/**
 * What became of one file of a batch: the document it is (new and {@code PENDING}, or the existing one for the same
 * bytes), or why it was refused. Exactly one of the two is set.
 */
public record SubmissionOutcome(String fileName, Document document, DocChatException failure) {
    public SubmissionOutcome {
        if ((document == null) == (failure == null)) {
            throw new IllegalArgumentException("an outcome is a document or a failure, not both or neither");
        }
    }

    public static SubmissionOutcome accepted(String fileName, Document document) {
        return new SubmissionOutcome(fileName, document, null);
    }

    public static SubmissionOutcome refused(String fileName, DocChatException failure) {
        return new SubmissionOutcome(fileName, null, failure);
    }

    public boolean accepted() {
        return document != null;
    }

    /** The document, or the failure thrown. */
    public Document documentOrThrow() {
        if (failure != null) {
            throw failure;
        }
        return document;
    }
}
