package io.docchat.core.api;

import io.docchat.core.model.Folder;
import io.docchat.core.model.FolderNode;
import java.util.List;

/** The folder tree of an account's knowledge base. */
public interface Folders {

    /**
     * Creates a folder.
     *
     * @param parentId the parent folder, or null for a top-level folder
     * @throws io.docchat.core.DocChatException {@code FOLDER_NOT_FOUND} for an unknown parent,
     *     {@code MISSING_PARAMETER}/{@code INVALID_PARAMETER} for a blank or over-long name
     */
    Folder create(String accountId, String parentId, String name);

    /** Finds or creates the folders of a slash-separated path such as {@code manuals/2024}; returns the last one. */
    Folder ensurePath(String accountId, String path);

    /** @throws io.docchat.core.DocChatException {@code FOLDER_NOT_FOUND} */
    Folder get(String accountId, String folderId);

    /** Deletes an empty folder; {@code FOLDER_NOT_EMPTY} if it holds documents or subfolders. */
    void delete(String accountId, String folderId);

    /** The whole tree: top-level folders and their descendants, each level sorted by name. */
    List<FolderNode> tree(String accountId);
}
