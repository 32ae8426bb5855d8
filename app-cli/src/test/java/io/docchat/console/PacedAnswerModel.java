package io.docchat.console;

import io.docchat.core.answer.ExtractiveAnswerModel;
import io.docchat.core.model.Passage;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.AnswerPrompt;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.CitedSpan;
import io.docchat.core.port.PromptPassage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The extractive model's answer and citations, handed out a word at a time at a steady pace, as a remote model
 * writes: slow enough for a person (or a browser test) to watch the answer grow and to stop it halfway. Like a
 * generative model that cites a second source ({@code [1][2]}), it also cites the best retrieved passage of another
 * page of the same document than those the extractive model cited, so that an answer can cite several pages.
 */
final class PacedAnswerModel implements AnswerModel {
    private final AnswerModel inner = new ExtractiveAnswerModel();
    private final Duration perWord;

    PacedAnswerModel(Duration perWord) {
        this.perWord = perWord;
    }

    private static List<CitedSpan> withAnotherPage(AnswerPrompt prompt, List<CitedSpan> cited) {
        if (cited.isEmpty()) {
            return cited;
        }
        PromptPassage first = prompt.passages().get(cited.get(0).passageNumber() - 1);
        Set<Integer> citedPages = new HashSet<>();
        for (CitedSpan span : cited) {
            Passage passage = prompt.passages().get(span.passageNumber() - 1).passage();
            for (int page = passage.firstPage(); page <= passage.lastPage(); page++) {
                citedPages.add(page);
            }
        }
        for (PromptPassage other : prompt.passages()) {
            Passage passage = other.passage();
            if (passage.documentId() == first.passage().documentId() && !citedPages.contains(passage.firstPage())) {
                List<CitedSpan> more = new ArrayList<>(cited);
                more.add(new CitedSpan(other.number(), 0, passage.text().length()));
                return List.copyOf(more);
            }
        }
        return cited;
    }

    @Override
    public AnswerStream answer(AnswerPrompt prompt) {
        AnswerStream source = inner.answer(prompt);
        List<CitedSpan> citations = withAnotherPage(prompt, source.citations());
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
                return citations;
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
