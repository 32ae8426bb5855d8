package io.docchat.core.engine.catalog;

import io.docchat.core.DocChatException;
import io.docchat.core.api.Sessions;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import io.docchat.core.port.ChatStore;
import java.time.Clock;
import java.time.Instant;

/** Chat sessions, each scoped to a folder and its subfolders. */
public final class SessionService implements Sessions {
    static final int MAX_NAME_CHARS = 200;
    /** Long enough for any user id a host application has (UUIDs, e-mail addresses); not a place for data. */
    static final int MAX_USER_ID_CHARS = 128;

    private final ChatStore chats;
    private final FolderService folders;
    private final Clock clock;

    public SessionService(ChatStore chats, FolderService folders, Clock clock) {
        this.chats = chats;
        this.folders = folders;
        this.clock = clock;
    }

    @Override
    public Session create(String accountId, String folderId, String name, String userId) {
        String account = Validation.account(accountId);
        String sessionName = validName(name);
        folders.requireFolder(account, folderId);
        String user = userId == null || userId.isBlank() ? account : validUser(userId.strip());
        Instant now = clock.instant();
        Session session = new Session(Ids.newId(), account, user, folderId, sessionName, now, now);
        chats.insertSession(session);
        return session;
    }

    @Override
    public Session get(String accountId, String sessionId) {
        String account = Validation.account(accountId);
        if (sessionId == null || sessionId.isBlank()) {
            throw DocChatException.missing("sessionId");
        }
        return chats.findSession(account, sessionId).orElseThrow(() -> DocChatException.sessionNotFound(sessionId));
    }

    @Override
    public ResultPage<Session> list(String accountId, String userId, String nameContains, PageRequest page) {
        String account = Validation.account(accountId);
        String user = userId == null || userId.isBlank() ? null : validUser(userId.strip());
        String filter = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
        return chats.listSessions(
                account, user, filter, page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page);
    }

    @Override
    public Session rename(String accountId, String sessionId, String name) {
        String sessionName = validName(name);
        Session session = get(accountId, sessionId);
        if (!chats.renameSession(session.accountId(), sessionId, sessionName, clock.instant())) {
            throw DocChatException.sessionNotFound(sessionId);
        }
        return get(accountId, sessionId);
    }

    @Override
    public void delete(String accountId, String sessionId) {
        String account = Validation.account(accountId);
        if (sessionId == null || sessionId.isBlank()) {
            throw DocChatException.missing("sessionId");
        }
        if (!chats.deleteSession(account, sessionId)) {
            throw DocChatException.sessionNotFound(sessionId);
        }
    }

    private static String validUser(String userId) {
        return Validation.printable("userId", Validation.atMost("userId", userId, MAX_USER_ID_CHARS));
    }

    private static String validName(String name) {
        return Validation.printable("name", Validation.atMost("name", Validation.required("name", name), MAX_NAME_CHARS));
    }
}
