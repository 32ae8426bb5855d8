package io.docchat.cli.commands;

import io.docchat.core.model.Folder;
import io.docchat.core.model.FolderNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Slash-separated folder paths such as {@code manuals/2024}, read from the folder tree without creating anything. */
final class FolderPaths {
    private final Map<String, Folder> byPath = new HashMap<>();
    private final Map<String, String> pathById = new HashMap<>();

    private FolderPaths(List<FolderNode> tree) {
        walk(tree, "");
    }

    static FolderPaths of(List<FolderNode> tree) {
        return new FolderPaths(tree);
    }

    /** The path without leading, trailing or doubled slashes; empty for the root. */
    static String normalize(String path) {
        StringBuilder sb = new StringBuilder();
        for (String part : path.trim().split("/")) {
            String name = part.trim();
            if (!name.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(name);
            }
        }
        return sb.toString();
    }

    Optional<Folder> find(String path) {
        return Optional.ofNullable(byPath.get(normalize(path)));
    }

    /** The folder's path, or its id when it is not in the tree. */
    String pathOf(String folderId) {
        if (folderId == null) {
            return "";
        }
        return pathById.getOrDefault(folderId, folderId);
    }

    private void walk(List<FolderNode> nodes, String prefix) {
        for (FolderNode node : nodes) {
            String path = prefix.isEmpty() ? node.folder().name() : prefix + "/" + node.folder().name();
            byPath.put(path, node.folder());
            pathById.put(node.folder().id(), path);
            walk(node.children(), path);
        }
    }
}
