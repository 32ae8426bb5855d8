package io.docchat.http;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A single timer thread that runs an action when a blocking step takes too long, unless the step disarms it first. */
final class Timeouts implements AutoCloseable {
    private final ScheduledExecutorService timer;

    Timeouts(String threadName) {
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code onTimeout} after {@code timeout} unless the returned alarm is closed first. */
    Alarm arm(Duration timeout, Runnable onTimeout) {
        ScheduledFuture<?> future = timer.schedule(onTimeout, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** A pending timeout; closing it disarms it. */
    interface Alarm {
        void close();
    }
}
