package io.docchat.core.api;

import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;

/** Chat sessions, each scoped to a folder and all its subfolders. */
public interface Sessions {

    /**
     * @param userId the end user within the account, or null for the account itself
     * @throws io.docchat.core.DocChatException {@code FOLDER_NOT_FOUND}, {@code MISSING_PARAMETER} for a blank name
     */
    Session create(String accountId, String folderId, String name, String userId);

    /** @throws io.docchat.core.DocChatException {@code SESSION_NOT_FOUND} */
    Session get(String accountId, String sessionId);

    /** Sessions newest first, optionally of one user and with a name containing {@code nameContains}. */
    ResultPage<Session> list(String accountId, String userId, String nameContains, PageRequest page);

    Session rename(String accountId, String sessionId, String name);

    /** Deletes the session and its history. */
    void delete(String accountId, String sessionId);
}
