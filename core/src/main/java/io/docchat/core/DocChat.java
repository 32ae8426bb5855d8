package io.docchat.core;

import io.docchat.core.api.Accounts;
import io.docchat.core.api.Chat;
import io.docchat.core.api.Documents;
import io.docchat.core.api.Folders;
import io.docchat.core.api.Retrieval;
import io.docchat.core.api.Sessions;

/**
 * The docchat engine: a knowledge base of documents in folders and chat sessions that answer questions about them,
 * citing documents, pages and lines. Every operation names the caller's account; nothing crosses accounts.
 *
 * <pre>{@code
 * try (DocChat docChat = DocChat.builder().build()) {          // in memory, offline extractive answers
 *     String me = Account.LOCAL;
 *     Folder manuals = docChat.folders().create(me, null, "manuals");
 *     Document doc = docChat.documents().submit(me, manuals.id(), "pump.txt", bytes);
 *     docChat.documents().awaitProcessed(me, doc.id(), Duration.ofMinutes(1));
 *     Session session = docChat.sessions().create(me, manuals.id(), "pumps", null);
 *     ChatItem answer = docChat.chat().ask(me, new ChatRequest(session.id(), "How do I prime the pump?"));
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
