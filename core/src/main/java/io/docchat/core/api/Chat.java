package io.docchat.core.api;

import io.docchat.core.model.ChatItem;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;

/** Questions and answers in sessions. */
public interface Chat {

    /**
     * Validates the request, plans the query, retrieves passages and starts the answer model, then returns the stream.
     * Everything that can be refused is refused here, before any event.
     *
     * @throws io.docchat.core.DocChatException {@code SESSION_NOT_FOUND}; {@code MISSING_PARAMETER} or
     *     {@code INVALID_PARAMETER} for a blank or over-long question or documents outside the session's scope;
     *     {@code MODEL_UNAVAILABLE} when the model backend cannot be reached (nothing is stored then)
     */
    ChatStream stream(String accountId, ChatRequest request);

    /** Asks and waits for the whole answer; returns the stored item. */
    ChatItem ask(String accountId, ChatRequest request);

    /** A session's history, oldest first. */
    ResultPage<ChatItem> history(String accountId, String sessionId, PageRequest page);
}
