package io.docchat.core.engine.ingest;

import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.ParseFailure;
import io.docchat.core.port.ParseResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the parser for a file and runs it under a deadline. The parser runs on its own thread so that the ingest
 * job can give up at the deadline even when a parser ignores interruption; such a runaway thread is a daemon and is
 * abandoned, not waited for.
 */
public final class ParserRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ParserRunner.class);

    private final List<DocumentParser> parsers;
    private final Duration timeout;
    private final ExecutorService threads = new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), new DaemonThreads("docchat-parse-"));

    /** @param parsers in order of preference: the first that accepts a file parses it */
    public ParserRunner(List<DocumentParser> parsers, Duration timeout) {
        this.parsers = List.copyOf(parsers);
        this.timeout = timeout;
    }

    List<DocumentParser> parsers() {
        return parsers;
    }

    Optional<DocumentParser> parserFor(String fileName, byte[] content) {
        for (DocumentParser parser : parsers) {
            try {
                if (parser.accepts(fileName, content)) {
                    return Optional.of(parser);
                }
            } catch (RuntimeException e) {
                log.warn("Parser {} failed while inspecting {}; trying the next one",
                        parser.getClass().getName(), fileName, e);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses the file; never throws for the file's sake: a timeout or a crashing parser becomes a failure with a
     * reason a person can read.
     *
     * @throws InterruptedException when the calling job is interrupted (the engine is closing)
     */
    ParseResult parse(String fileName, byte[] content) throws InterruptedException {
        Optional<DocumentParser> chosen = parserFor(fileName, content);
        if (chosen.isEmpty()) {
            return ParseResult.failure(ParseFailure.UNSUPPORTED_TYPE, "No parser can read " + fileName + ".");
        }
        DocumentParser parser = chosen.get();
        Future<ParseResult> future = threads.submit(() -> parser.parse(fileName, content));
        try {
            ParseResult result = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (result == null) {
                return ParseResult.failure(ParseFailure.CORRUPT, "The parser returned no result for " + fileName + ".");
            }
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("Gave up parsing {} after {}", fileName, describe(timeout));
            return ParseResult.failure(ParseFailure.TIMEOUT, "Parsing took longer than " + describe(timeout) + ".");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.warn("Parser {} failed on {}", parser.getClass().getName(), fileName, cause);
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return ParseResult.failure(ParseFailure.CORRUPT, "The file could not be read: " + reason);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            long minutes = millis / 60_000;
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        if (millis % 1_000 == 0) {
            long seconds = millis / 1_000;
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        return millis + " ms";
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
