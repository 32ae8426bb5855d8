package io.docchat.core.api;

import io.docchat.core.ErrorCode;
import io.docchat.core.model.ChatItem;

/**
 * What a {@link ChatStream} yields: one {@link Started}, any number of {@link Delta}s, then exactly one of
 * {@link Completed}, {@link Interrupted} or {@link Failed}, by which time the chat item is stored.
 */
public sealed interface ChatEvent {

    /** Retrieval is done: the item has its question, time, scope and citations, and an empty answer. */
    record Started(ChatItem item) implements ChatEvent {}

    /** The next piece of the answer. */
    record Delta(String text) implements ChatEvent {}

    /** The answer is complete and stored. */
    record Completed(ChatItem item, StageTimings timings) implements ChatEvent {}

    /** The stream was cancelled; the item is stored {@code INTERRUPTED} with the answer so far. */
    record Interrupted(ChatItem item) implements ChatEvent {}

    /** The model failed mid-answer; the item is stored {@code FAILED} with the answer so far. */
    record Failed(ChatItem item, ErrorCode code, String message) implements ChatEvent {}
}
