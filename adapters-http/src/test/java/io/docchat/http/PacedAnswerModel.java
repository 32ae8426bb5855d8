package io.docchat.http;

import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An answer model that writes {@code deltas} words at a steady pace and cites the best passage whole: a stand-in for a
 * remote model whose timing the server must cope with (slow streams, cancellation mid-answer).
 */
public final class PacedAnswerModel implements AnswerModel {
    private final int deltas;
    private final Duration interval;
    private final String padding;

    public PacedAnswerModel(int deltas, Duration interval) {
        this(deltas, interval, 0);
    }

    /** Each delta is a numbered word followed by {@code paddingChars} filler characters. */
    public PacedAnswerModel(int deltas, Duration interval, int paddingChars) {
        this.deltas = deltas;
        this.interval = interval;
        this.padding = "x".repeat(paddingChars);
    }

    /** The complete answer this model writes. */
    public String fullAnswer() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < deltas; i++) {
            sb.append(word(i)).append(padding);
        }
        return sb.toString();
    }

    static String word(int i) {
        return "w" + i + " ";
    }

    @Override
    public AnswerStream answer(AnswerPrompt prompt) {
        List<CitedSpan> citations = prompt.passages().isEmpty() ? List.of()
                : List.of(new CitedSpan(1, 0, prompt.passages().get(0).passage().text().length()));
        return new AnswerStream() {
            private final CountDownLatch closed = new CountDownLatch(1);
            private int written;

            @Override
            public String nextDelta() {
                if (written >= deltas) {
                    return null;
                }
                try {
                    if (closed.await(interval.toNanos(), TimeUnit.NANOSECONDS)) {
                        return null;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                return word(written++) + padding;
            }

            @Override
            public List<CitedSpan> citations() {
                return citations;
            }

            @Override
            public boolean citationsKnownUpFront() {
                return true;
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
    }
}
