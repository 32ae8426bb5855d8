package io.docchat.core.api;

import io.docchat.core.model.Folder;
import io.docchat.core.model.FolderNode;
import java.util.List;

/** {@link Folders} of one account; each method is the facade's with the account filled in. */
public final class AccountFolders {
    private final Folders folders;
    private final String accountId;

    AccountFolders(Folders folders, String accountId) {
        this.folders = folders;
        this.accountId = accountId;
    }

    /** @see Folders#create(String, String, String) */
    public Folder create(String parentId, String name) {
        return folders.create(accountId, parentId, name);
    }

    /** @see Folders#ensurePath(String, String) */
    public Folder ensurePath(String path) {
        return folders.ensurePath(accountId, path);
    }

    /** @see Folders#get(String, String) */
    public Folder get(String folderId) {
        return folders.get(accountId, folderId);
    }

    /** @see Folders#delete(String, String) */
    public void delete(String folderId) {
        folders.delete(accountId, folderId);
    }

    /** @see Folders#tree(String) */
    public List<FolderNode> tree() {
        return folders.tree(accountId);
    }
}
