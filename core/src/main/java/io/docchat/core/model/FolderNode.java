package io.docchat.core.model;

import java.util.List;

/**
 * A folder in its tree. {@code level} is 1 for a top-level folder; {@code documentCount} counts the documents directly
 * in this folder.
 */
public record FolderNode(Folder folder, int level, int documentCount, List<FolderNode> children) {
    public FolderNode {
        children = List.copyOf(children);
    }
}
