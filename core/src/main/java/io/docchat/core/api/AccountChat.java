package io.docchat.core.api;

import io.docchat.core.model.ChatItem;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;

/** {@link Chat} of one account; each method is the facade's with the account filled in. */
public final class AccountChat {
    private final Chat chat;
    private final String accountId;

    AccountChat(Chat chat, String accountId) {
        this.chat = chat;
        this.accountId = accountId;
    }

    /** @see Chat#stream(String, ChatRequest) */
    public ChatStream stream(ChatRequest request) {
        return chat.stream(accountId, request);
    }

    /** @see Chat#ask(String, ChatRequest) */
    public ChatItem ask(ChatRequest request) {
        return chat.ask(accountId, request);
    }

    /** @see Chat#history(String, String, PageRequest) */
    public ResultPage<ChatItem> history(String sessionId, PageRequest page) {
        return chat.history(accountId, sessionId, page);
    }
}
