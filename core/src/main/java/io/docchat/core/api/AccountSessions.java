package io.docchat.core.api;

import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;

/** {@link Sessions} of one account; each method is the facade's with the account filled in. */
public final class AccountSessions {
    private final Sessions sessions;
    private final String accountId;

    AccountSessions(Sessions sessions, String accountId) {
        this.sessions = sessions;
        this.accountId = accountId;
    }

    /** @see Sessions#create(String, String, String, String) */
    public Session create(String folderId, String name, String userId) {
        return sessions.create(accountId, folderId, name, userId);
    }

    /** @see Sessions#get(String, String) */
    public Session get(String sessionId) {
        return sessions.get(accountId, sessionId);
    }

    /** @see Sessions#list(String, String, String, PageRequest) */
    public ResultPage<Session> list(String userId, String nameContains, PageRequest page) {
        return sessions.list(accountId, userId, nameContains, page);
    }

    /** @see Sessions#rename(String, String, String) */
    public Session rename(String sessionId, String name) {
        return sessions.rename(accountId, sessionId, name);
    }

    /** @see Sessions#delete(String, String) */
    public void delete(String sessionId) {
        sessions.delete(accountId, sessionId);
    }
}
