package io.docchat.core.model;

/** How a question's answer ended. */
public enum ChatStatus {
    COMPLETED,
    /** The caller cancelled or went away; the answer holds what was written until then. */
    INTERRUPTED,
    FAILED
}
