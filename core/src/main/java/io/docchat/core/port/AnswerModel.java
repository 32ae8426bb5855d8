package io.docchat.core.port;

import io.docchat.core.model.ChatItem;

/**
 * Writes an answer to a question from numbered passages, as a stream of text deltas.
 *
 * <p>{@link #answer} returns once the backend has accepted the request: a backend that cannot be reached or refuses
 * it throws a {@link io.docchat.core.DocChatException} with code {@code MODEL_UNAVAILABLE} before anything is
 * answered. When the passages do not answer the question, the model says so (the extractive model answers exactly
 * {@link ChatItem#NO_RELATED_CONTENT} and cites nothing).
 */
public interface AnswerModel {

    AnswerStream answer(AnswerPrompt prompt);
}
