package io.docchat.core.api;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import java.util.Objects;

/**
 * One account's view of a {@link DocChat}: folders, documents, sessions, chat and retrieval without the account
 * parameter on every call. A host that serves one tenant per request (or only {@code Account.LOCAL}) takes a view
 * once and passes it on, so no call can name the wrong account. The account-first methods of the facade remain for
 * drivers that handle many accounts in one place, such as the HTTP server. A view is cheap and holds no state of
 * its own; its calls fail as the facade's do, with {@code CLOSED} once the {@code DocChat} is closed.
 */
public final class AccountView {
    private final DocChat docChat;
    private final String accountId;

    /**
     * @throws DocChatException {@code MISSING_PARAMETER} when the account id is null or blank
     */
    public AccountView(DocChat docChat, String accountId) {
        this.docChat = Objects.requireNonNull(docChat, "docChat");
        if (accountId == null || accountId.isBlank()) {
            throw DocChatException.missing("accountId");
        }
        this.accountId = accountId.strip();
    }

    /** The account this view acts for. */
    public String accountId() {
        return accountId;
    }

    public AccountFolders folders() {
        return new AccountFolders(docChat.folders(), accountId);
    }

    public AccountDocuments documents() {
        return new AccountDocuments(docChat.documents(), accountId);
    }

    public AccountSessions sessions() {
        return new AccountSessions(docChat.sessions(), accountId);
    }

    public AccountChat chat() {
        return new AccountChat(docChat.chat(), accountId);
    }

    public AccountRetrieval retrieval() {
        return new AccountRetrieval(docChat.retrieval(), accountId);
    }
}
