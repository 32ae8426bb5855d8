package io.docchat.cli;

/**
 * Ctrl-C while something can be stopped. Outside a {@link #whileRunning} scope Ctrl-C keeps its usual meaning
 * (the process exits); inside one it runs the scope's action instead, so that a streaming answer can be cancelled and
 * stored as interrupted.
 */
public interface Interrupts {

    /** Routes Ctrl-C to {@code onInterrupt} until the returned scope is closed. */
    Scope whileRunning(Runnable onInterrupt);

    /** The span during which Ctrl-C runs an action. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Never interrupts: for non-interactive use. */
    static Interrupts none() {
        return onInterrupt -> () -> {};
    }
}
