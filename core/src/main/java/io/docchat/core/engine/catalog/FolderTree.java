package io.docchat.core.engine.catalog;

import io.docchat.core.model.Folder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A snapshot of one account's folders, answering questions about ancestry without further store calls. */
public final class FolderTree {
    private final Map<String, Folder> byId;

    public FolderTree(List<Folder> folders) {
        this.byId = new HashMap<>(folders.size() * 2);
        for (Folder folder : folders) {
            byId.put(folder.id(), folder);
        }
    }

    public Folder find(String folderId) {
        return byId.get(folderId);
    }

    /**
     * The ids of the folder and its ancestors, top-level first. A folder missing from the snapshot yields just its own
     * id, so that a search scoped to it still finds its passages.
     */
    public List<String> pathOf(String folderId) {
        List<String> path = new ArrayList<>(4);
        String current = folderId;
        // The bound guards against a corrupt store whose parent links form a cycle.
        while (current != null && path.size() <= byId.size()) {
            path.add(current);
            Folder folder = byId.get(current);
            current = folder == null ? null : folder.parentId();
        }
        Collections.reverse(path);
        return path;
    }

    /** True when {@code folderId} is {@code ancestorId} or lies below it. */
    public boolean isWithin(String folderId, String ancestorId) {
        return pathOf(folderId).contains(ancestorId);
    }
}
