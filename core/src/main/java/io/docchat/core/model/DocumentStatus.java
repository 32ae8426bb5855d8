package io.docchat.core.model;

/** The life of a document: submitted, being parsed, then searchable or failed. */
public enum DocumentStatus {
    PENDING,
    PARSING,
    PARSING_COMPLETED,
    PARSING_FAILED;

    public boolean isFinal() {
        return this == PARSING_COMPLETED || this == PARSING_FAILED;
    }
}
