package io.docchat.core.engine.catalog;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.api.Folders;
import io.docchat.core.model.Folder;
import io.docchat.core.model.FolderNode;
import io.docchat.core.port.KnowledgeStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The folder tree of each account. */
public final class FolderService implements Folders {
    static final int MAX_NAME_CHARS = 255;

    private static final Comparator<Folder> BY_NAME =
            Comparator.comparing(Folder::name, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Folder::name)
                    .thenComparing(Folder::id);

    private final KnowledgeStore store;
    private final Clock clock;

    public FolderService(KnowledgeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Folder create(String accountId, String parentId, String name) {
        String account = Validation.account(accountId);
        String folderName = validName(name);
        if (parentId != null) {
            requireFolder(account, parentId);
        }
        Folder folder = new Folder(Ids.newId(), account, parentId, folderName, clock.instant());
        store.insertFolder(folder);
        return folder;
    }

    @Override
    public synchronized Folder ensurePath(String accountId, String path) {
        // Synchronized so that two callers ensuring the same new path do not create twin folders.
        String account = Validation.account(accountId);
        String trimmed = Validation.required("folderPath", path);
        List<Folder> folders = store.listFolders(account);
        Folder current = null;
        for (String part : trimmed.split("/")) {
            if (part.isBlank()) {
                continue;
            }
            String name = validName(part);
            String parentId = current == null ? null : current.id();
            Folder existing = null;
            for (Folder folder : folders) {
                if (folder.name().equals(name) && Objects.equals(folder.parentId(), parentId)
                        && (existing == null || BY_NAME.compare(folder, existing) < 0)) {
                    existing = folder;
                }
            }
            current = existing != null ? existing : create(account, parentId, name);
        }
        if (current == null) {
            throw DocChatException.missing("folderPath");
        }
        return current;
    }

    @Override
    public Folder get(String accountId, String folderId) {
        return requireFolder(Validation.account(accountId), folderId);
    }

    @Override
    public void delete(String accountId, String folderId) {
        String account = Validation.account(accountId);
        Validation.required("folderId", folderId);
        switch (store.deleteFolderIfEmpty(account, folderId)) {
            case DELETED -> { }
            case NOT_FOUND -> throw DocChatException.folderNotFound(folderId);
            case NOT_EMPTY -> throw new DocChatException(ErrorCode.FOLDER_NOT_EMPTY, "folderId",
                    "folder " + folderId + " still holds documents or subfolders; delete them first", null);
        }
    }

    @Override
    public List<FolderNode> tree(String accountId) {
        String account = Validation.account(accountId);
        List<Folder> folders = store.listFolders(account);
        Map<String, Integer> counts = store.countDocumentsByFolder(account);
        Map<String, List<Folder>> childrenByParent = new HashMap<>();
        List<Folder> roots = new ArrayList<>();
        Map<String, Folder> byId = new HashMap<>();
        for (Folder folder : folders) {
            byId.put(folder.id(), folder);
        }
        for (Folder folder : folders) {
            // A folder whose parent is unknown is shown at the top rather than lost.
            if (folder.parentId() == null || !byId.containsKey(folder.parentId())) {
                roots.add(folder);
            } else {
                childrenByParent.computeIfAbsent(folder.parentId(), k -> new ArrayList<>()).add(folder);
            }
        }
        return nodes(roots, 1, childrenByParent, counts);
    }

    private static List<FolderNode> nodes(
            List<Folder> level, int depth, Map<String, List<Folder>> childrenByParent, Map<String, Integer> counts) {
        List<Folder> sorted = new ArrayList<>(level);
        sorted.sort(BY_NAME);
        List<FolderNode> out = new ArrayList<>(sorted.size());
        for (Folder folder : sorted) {
            List<Folder> children = childrenByParent.getOrDefault(folder.id(), List.of());
            out.add(new FolderNode(folder, depth, counts.getOrDefault(folder.id(), 0),
                    nodes(children, depth + 1, childrenByParent, counts)));
        }
        return out;
    }

    public Folder requireFolder(String accountId, String folderId) {
        if (folderId == null || folderId.isBlank()) {
            throw DocChatException.missing("folderId");
        }
        return store.findFolder(accountId, folderId).orElseThrow(() -> DocChatException.folderNotFound(folderId));
    }

    private static String validName(String name) {
        String trimmed = Validation.printable("folderName",
                Validation.atMost("folderName", Validation.required("folderName", name), MAX_NAME_CHARS));
        if (trimmed.indexOf('/') >= 0) {
            throw DocChatException.invalid("folderName", "must not contain '/'");
        }
        return trimmed;
    }
}
