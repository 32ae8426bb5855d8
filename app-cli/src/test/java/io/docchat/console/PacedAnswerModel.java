package io.docchat.console;

import io.docchat.core.answer.ExtractiveAnswerModel;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The extractive model's answer and citations, handed out a word at a time at a steady pace, as a remote model
 * writes: slow enough for a person (or a browser test) to watch the answer grow and to stop it halfway.
 */
final class PacedAnswerModel implements AnswerModel {
    private final AnswerModel inner = new ExtractiveAnswerModel();
    private final Duration perWord;

    PacedAnswerModel(Duration perWord) {
        this.perWord = perWord;
    }

    @Override
    public AnswerStream answer(AnswerPrompt prompt) {
        AnswerStream source = inner.answer(prompt);
        return new AnswerStream() {
            private final CountDownLatch closed = new CountDownLatch(1);
            private final Deque<String> words = new ArrayDeque<>();

            @Override
            public String nextDelta() {
                while (words.isEmpty()) {
                    String delta = source.nextDelta();
                    if (delta == null) {
                        return null;
                    }
                    // Words keep the space after them, so the deltas add up to exactly the inner answer.
                    for (String word : delta.split("(?<= )")) {
                        words.add(word);
                    }
                }
                try {
                    if (closed.await(perWord.toNanos(), TimeUnit.NANOSECONDS)) {
                        return null;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                return words.poll();
            }

            @Override
            public List<CitedSpan> citations() {
                return source.citations();
            }

            @Override
            public boolean citationsKnownUpFront() {
                return source.citationsKnownUpFront();
            }

            @Override
            public void close() {
                closed.countDown();
                source.close();
            }
        };
    }
}
