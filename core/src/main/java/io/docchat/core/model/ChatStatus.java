package io.docchat.core.model;

/** How a question's answer ended, or that it is still being written. */
public enum ChatStatus {
    COMPLETED,
    /** The caller cancelled or went away; the answer holds what was written until then. */
    INTERRUPTED,
    FAILED,
    /**
     * The answer is still being written: the item holds the question and the answer saved so far. An item left so by
     * a process that died becomes {@code INTERRUPTED} at the next start.
     */
    ANSWERING;

    /** True once the answer has ended, whichever way. */
    public boolean isFinal() {
        return this != ANSWERING;
    }
}
