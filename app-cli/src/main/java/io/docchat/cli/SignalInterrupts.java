package io.docchat.cli;

import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Routes SIGINT to an action while a scope is open, then puts the previous handler back. Uses {@code sun.misc.Signal}
 * because the JDK has no public API for it; where the signal cannot be handled the scope does nothing and Ctrl-C ends
 * the process as usual.
 */
final class SignalInterrupts implements Interrupts {
    @Override
    public Scope whileRunning(Runnable onInterrupt) {
        Signal interrupt = new Signal("INT");
        SignalHandler previous;
        try {
            previous = Signal.handle(interrupt, signal -> onInterrupt.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // Asked for here, not when the class loads: the terminal is made before logging has started.
            LoggerFactory.getLogger(SignalInterrupts.class).debug("Ctrl-C cannot be handled here: {}", e.toString());
            return () -> {};
        }
        return () -> Signal.handle(interrupt, previous);
    }
}
