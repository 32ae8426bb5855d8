package io.docchat.core.engine.chat;

import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import java.util.List;

/** An answer known without asking a model (nothing was retrieved): one delta, no citations. */
final class FixedAnswer implements AnswerStream {
    private String remaining;

    FixedAnswer(String text) {
        this.remaining = text;
    }

    @Override
    public String nextDelta() {
        String next = remaining;
        remaining = null;
        return next;
    }

    @Override
    public boolean deltaReady() {
        return remaining != null && !remaining.isEmpty();
    }

    @Override
    public List<CitedSpan> citations() {
        return List.of();
    }

    @Override
    public boolean citationsKnownUpFront() {
        return true;
    }

    @Override
    public void close() {
        remaining = null;
    }
}
