package io.docchat.core;

import io.docchat.core.api.AccountView;
import io.docchat.core.api.Accounts;
import io.docchat.core.api.Chat;
import io.docchat.core.api.Documents;
import io.docchat.core.api.Folders;
import io.docchat.core.api.Retrieval;
import io.docchat.core.api.Sessions;

/**
 * The docchat engine: a knowledge base of documents in folders and chat sessions that answer questions about them,
 * citing documents, pages and lines. Every operation acts for one account (the tenant); nothing crosses accounts.
 * {@link #account(String)} gives one account's view; the account-first methods serve drivers of many accounts.
 *
 * <pre>{@code
 * try (DocChat docChat = DocChat.builder().build()) {          // in memory, offline extractive answers
 *     AccountView me = docChat.account(Account.LOCAL);
 *     Folder manuals = me.folders().create(null, "manuals");
 *     Document doc = me.documents().submit(manuals.id(), "pump.txt", bytes);
 *     me.documents().awaitProcessed(doc.id(), Duration.ofMinutes(1));
 *     Session session = me.sessions().create(manuals.id(), "pumps", null);
 *     ChatItem answer = me.chat().ask(new ChatRequest(session.id(), "How do I prime the pump?"));
 * }
 * }</pre>
 *
 * <p>A {@code DocChat} owns the components it was built with and closes them in {@link #close()}. After
 * {@code close()}, every call (on this object or on a view it returned) throws {@link DocChatException} with
 * {@link ErrorCode#CLOSED}; {@code close()} itself may be called again and does nothing.
 */
public interface DocChat extends AutoCloseable {

    static DocChatBuilder builder() {
        return new DocChatBuilder();
    }

    Folders folders();

    Documents documents();

    Sessions sessions();

    Chat chat();

    Retrieval retrieval();

    /**
     * One account's folders, documents, sessions, chat and retrieval, without the account parameter on each call.
     *
     * @throws DocChatException {@code MISSING_PARAMETER} when the account id is null or blank
     */
    default AccountView account(String accountId) {
        return new AccountView(this, accountId);
    }

    /** Accounts and their credentials (access keys, bearer tokens), and the checks a server makes with them. */
    Accounts accounts();

    /** Rebuilds the passage index from the knowledge store, blocking until done. */
    void reindex();

    /**
     * Stops background parsing (documents still in progress are resumed by the next engine on the same store),
     * commits the index and closes every component it was built from. Idempotent.
     */
    @Override
    void close();
}
