package io.docchat.core.engine;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real answer model and can be switched to behave like a remote backend in trouble: unreachable when the
 * answer starts, or dropping the connection after some deltas. Counts how often it was asked.
 */
final class SwitchableAnswerModel implements AnswerModel {
    private final AnswerModel real;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean unavailable;
    private volatile int failAfterDeltas = -1;

    SwitchableAnswerModel(AnswerModel real) {
        this.real = real;
    }

    void unavailable(boolean value) {
        this.unavailable = value;
    }

    /** Makes answers fail after this many deltas; a negative value restores normal answers. */
    void failAfterDeltas(int deltas) {
        this.failAfterDeltas = deltas;
    }

    int calls() {
        return calls.get();
    }

    @Override
    public AnswerStream answer(AnswerPrompt prompt) {
        calls.incrementAndGet();
        if (unavailable) {
            throw new DocChatException(ErrorCode.MODEL_UNAVAILABLE, "connection refused by the model backend");
        }
        AnswerStream stream = real.answer(prompt);
        int failAfter = failAfterDeltas;
        return new AnswerStream() {
            private int delivered;

            @Override
            public String nextDelta() {
                if (failAfter >= 0 && delivered == failAfter) {
                    throw new DocChatException(ErrorCode.MODEL_UNAVAILABLE, "the model backend closed the connection");
                }
                delivered++;
                return stream.nextDelta();
            }

            @Override
            public List<CitedSpan> citations() {
                return stream.citations();
            }

            @Override
            public boolean citationsKnownUpFront() {
                return stream.citationsKnownUpFront();
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }
}
