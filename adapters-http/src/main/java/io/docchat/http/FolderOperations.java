package io.docchat.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.docchat.core.DocChat;
import io.docchat.core.model.Folder;
import io.docchat.core.model.FolderNode;
import java.util.List;
import java.util.Optional;

/** AddFolder, DeleteFolder and GetChatFolderList. */
final class FolderOperations {
    /** The parent id the API uses for "no parent". */
    static final String ROOT = "0";

    private final DocChat docChat;
    private final WireMapper wire;

    FolderOperations(DocChat docChat, WireMapper wire) {
        this.docChat = docChat;
        this.wire = wire;
    }

    Reply add(ApiRequest request) {
        JsonBody body = request.json();
        String name = body.requiredString("folderName");
        String parentId = body.requiredString("parentFolderId");
        Folder folder = docChat.folders().create(request.accountId(), ROOT.equals(parentId) ? null : parentId, name);
        FolderNode node = find(docChat.folders().tree(request.accountId()), folder.id())
                .orElseGet(() -> new FolderNode(folder, 1, 0, List.of()));
        return new Reply.Data(wire.folderItem(node));
    }

    Reply delete(ApiRequest request) {
        String folderId = request.query().required("folderId");
        docChat.folders().delete(request.accountId(), folderId);
        return new Reply.Data(BooleanNode.TRUE);
    }

    Reply tree(ApiRequest request) {
        ArrayNode folders = wire.array();
        for (FolderNode node : docChat.folders().tree(request.accountId())) {
            folders.add(wire.chatFolder(node));
        }
        return new Reply.Data(folders);
    }

    private static Optional<FolderNode> find(List<FolderNode> nodes, String folderId) {
        for (FolderNode node : nodes) {
            if (node.folder().id().equals(folderId)) {
                return Optional.of(node);
            }
            Optional<FolderNode> inChildren = find(node.children(), folderId);
            if (inChildren.isPresent()) {
                return inChildren;
            }
        }
        return Optional.empty();
    }
}
