package io.docchat.core.engine.chat;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.api.ChatEvent;
import io.docchat.core.api.ChatStream;
import io.docchat.core.api.StageTimings;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.ChatStatus;
import io.docchat.core.model.Citation;
import io.docchat.core.port.AnswerStream;
import io.docchat.core.port.ChatStore;
import io.docchat.core.port.CitedSpan;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answer being written: turns the answer model's deltas into {@link ChatEvent}s and keeps the chat item stored
 * throughout, so that a crash loses no question and little of its answer.
 *
 * <p>When the answer starts (the {@link ChatEvent.Started} event) the item is appended with status {@code ANSWERING};
 * the answer written so far is saved at most once per {@link #PARTIAL_SAVE_INTERVAL}; the item is finished exactly
 * once, whichever way the answer ends (completed, cancelled from any thread, closed early, or failed). Items a dead
 * process left {@code ANSWERING} are marked {@code INTERRUPTED} at the next start, keeping the saved text.
 */
final class AnswerInProgress implements ChatStream {
    private static final Logger log = LoggerFactory.getLogger(AnswerInProgress.class);
    /** The most often an answer in progress is saved: bounds the writes a slow answer costs. */
    static final Duration PARTIAL_SAVE_INTERVAL = Duration.ofSeconds(1);

    /** The item as known before answering: id, session, question, folder, time. The answer and status come later. */
    private final ChatItem template;
    private final AnswerStream model;
    private final CitationBuilder citations;
    private final ChatStore chats;
    private final long planNanos;
    private final long retrieveNanos;
    private final long answerStartNanos;

    private final Object lock = new Object();
    private final StringBuilder answer = new StringBuilder();
    private final AtomicBoolean modelClosed = new AtomicBoolean();
    private volatile boolean cancelled;
    /** The terminal event, once the item is stored; guarded by {@link #lock}. */
    private ChatEvent terminal;
    // Touched only by the pulling thread.
    private boolean started;
    private boolean terminalDelivered;
    /** True once the item is stored as {@code ANSWERING}: it is then finished by an update; guarded by lock. */
    private boolean stored;
    /** When the answer so far was last saved; guarded by lock. */
    private long lastSaveNanos;
    /** Written by the pulling thread, read by whichever thread finishes the answer. */
    private volatile List<Citation> startCitations;

    AnswerInProgress(ChatItem template, AnswerStream model, CitationBuilder citations, ChatStore chats,
            long planNanos, long retrieveNanos, long answerStartNanos) {
        this.template = template;
        this.model = model;
        this.citations = citations;
        this.chats = chats;
        this.planNanos = planNanos;
        this.retrieveNanos = retrieveNanos;
        this.answerStartNanos = answerStartNanos;
    }

    @Override
    public boolean hasNext() {
        return !terminalDelivered;
    }

    @Override
    public ChatEvent next() {
        if (terminalDelivered) {
            throw new NoSuchElementException("the answer has ended");
        }
        ChatEvent event = advance();
        if (!(event instanceof ChatEvent.Started) && !(event instanceof ChatEvent.Delta)) {
            terminalDelivered = true;
        }
        return event;
    }

    private ChatEvent advance() {
        synchronized (lock) {
            if (terminal != null) {
                return terminal;
            }
            if (cancelled) {
                return finish(ChatStatus.INTERRUPTED, null, null);
            }
        }
        if (!started) {
            started = true;
            startCitations = citations.build(
                    model.citationsKnownUpFront() ? model.citations() : citations.wholePassages());
            ChatItem answering = item("", ChatStatus.ANSWERING, null, startCitations);
            synchronized (lock) {
                if (terminal != null) {
                    return terminal;
                }
                try {
                    chats.appendChatItem(answering);
                    stored = true;
                    lastSaveNanos = System.nanoTime();
                } catch (RuntimeException e) {
                    log.error("Could not store the question in session {}", template.sessionId(), e);
                    String why = "the question could not be stored: " + e.getMessage();
                    closeModel();
                    terminal = new ChatEvent.Failed(item("", ChatStatus.FAILED, why, startCitations),
                            ErrorCode.STORAGE_FAILURE, why);
                    return terminal;
                }
            }
            return new ChatEvent.Started(answering);
        }
        while (true) {
            String delta;
            try {
                delta = model.nextDelta();
            } catch (RuntimeException e) {
                synchronized (lock) {
                    if (terminal != null) {
                        return terminal;
                    }
                    if (cancelled) {
                        return finish(ChatStatus.INTERRUPTED, null, null);
                    }
                    ErrorCode code = e instanceof DocChatException d ? d.code() : ErrorCode.MODEL_UNAVAILABLE;
                    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    log.warn("The answer model failed in session {}: {}", template.sessionId(), message, e);
                    return finish(ChatStatus.FAILED, code, message);
                }
            }
            synchronized (lock) {
                if (terminal != null) {
                    return terminal;
                }
                if (cancelled) {
                    return finish(ChatStatus.INTERRUPTED, null, null);
                }
                if (delta == null) {
                    return finish(ChatStatus.COMPLETED, null, null);
                }
                if (delta.isEmpty()) {
                    continue;
                }
                answer.append(delta);
                savePartialIfDue();
            }
            return new ChatEvent.Delta(delta);
        }
    }

    @Override
    public boolean nextIsReady() {
        // Read by the pulling thread between pulls; a cancel from another thread makes the next pull terminal, which
        // at worst is reported ready when it is not: the driver then sends what it gathered a pull later.
        return started && !terminalDelivered && !cancelled && model.deltaReady();
    }

    @Override
    public void cancel() {
        cancelled = true;
        closeModel();
        synchronized (lock) {
            if (terminal == null) {
                finish(ChatStatus.INTERRUPTED, null, null);
            }
        }
    }

    @Override
    public void close() {
        boolean unfinished;
        synchronized (lock) {
            unfinished = terminal == null;
        }
        if (unfinished) {
            cancel();
        }
        closeModel();
    }

    /**
     * Saves the answer so far when the last save is old enough; holding {@link #lock}, so that it cannot overwrite the
     * final state. A failure is logged only: the final save still follows.
     */
    private void savePartialIfDue() {
        long now = System.nanoTime();
        if (!stored || now - lastSaveNanos < PARTIAL_SAVE_INTERVAL.toNanos()) {
            return;
        }
        lastSaveNanos = now;
        try {
            chats.updateChatItem(item(answer.toString(), ChatStatus.ANSWERING, null, startCitations));
        } catch (RuntimeException e) {
            log.warn("Could not save the answer in progress in session {}", template.sessionId(), e);
        }
    }

    /** Stores the item and records the terminal event; called once, holding {@link #lock}. */
    private ChatEvent finish(ChatStatus status, ErrorCode code, String message) {
        List<Citation> finalCitations = finalCitations();
        ChatItem item = item(answer.toString(), status, message, finalCitations);
        closeModel();
        try {
            if (stored) {
                // False only when the session was deleted meanwhile: then there is nothing left to record it in.
                chats.updateChatItem(item);
            } else {
                chats.appendChatItem(item);
            }
            terminal = switch (status) {
                case COMPLETED -> new ChatEvent.Completed(item,
                        new StageTimings(planNanos, retrieveNanos, System.nanoTime() - answerStartNanos));
                case INTERRUPTED -> new ChatEvent.Interrupted(item);
                case FAILED -> new ChatEvent.Failed(item, code, message);
                case ANSWERING -> throw new IllegalArgumentException("an answer cannot finish still answering");
            };
        } catch (RuntimeException e) {
            log.error("Could not store the answer in session {}", template.sessionId(), e);
            String why = "the answer could not be stored: " + e.getMessage();
            terminal = new ChatEvent.Failed(item(answer.toString(), ChatStatus.FAILED, why, finalCitations),
                    ErrorCode.STORAGE_FAILURE, why);
        }
        return terminal;
    }

    private List<Citation> finalCitations() {
        if (model.citationsKnownUpFront() && startCitations != null) {
            // Final from the start, and already built (pages read) for the Started event.
            return startCitations;
        }
        try {
            List<CitedSpan> cited = model.citations();
            boolean saidNothingFound = answer.toString().strip().equals(ChatItem.NO_RELATED_CONTENT);
            if (cited.isEmpty() && !model.citationsKnownUpFront() && !saidNothingFound) {
                // A model that does not mark its sources still answered from these passages.
                cited = citations.wholePassages();
            }
            return citations.build(cited);
        } catch (RuntimeException e) {
            log.warn("Could not read the answer model's citations in session {}", template.sessionId(), e);
            return startCitations != null ? startCitations : citations.build(citations.wholePassages());
        }
    }

    private ChatItem item(String answerText, ChatStatus status, String errorMessage, List<Citation> itemCitations) {
        return new ChatItem(template.id(), template.sessionId(), template.accountId(), template.question(), answerText,
                status, errorMessage, template.folderId(), template.folderName(), itemCitations, template.createdAt());
    }

    private void closeModel() {
        if (modelClosed.compareAndSet(false, true)) {
            try {
                model.close();
            } catch (RuntimeException e) {
                log.warn("Closing the answer model's stream failed", e);
            }
        }
    }
}
