package io.docchat.cli.commands;

import io.docchat.cli.CliException;
import io.docchat.core.DocChat;
import io.docchat.core.model.Folder;
import io.docchat.core.model.Session;

/** Finds the session a question goes to: an existing one, or a new one on a folder path. */
final class Scopes {
    private Scopes() {}

    static Folder folder(DocChat docChat, String accountId, String path) {
        return FolderPaths.of(docChat.folders().tree(accountId)).find(path)
                .orElseThrow(() -> CliException.notFound("folder '" + FolderPaths.normalize(path)
                        + "' not found; add documents with: docchat ingest FILE --folder " + FolderPaths.normalize(path)));
    }

    static Session session(DocChat docChat, String accountId, String sessionId, String folderPath, String name) {
        if (sessionId != null) {
            return docChat.sessions().get(accountId, sessionId);
        }
        Folder folder = folder(docChat, accountId, folderPath == null ? "default" : folderPath);
        return docChat.sessions().create(accountId, folder.id(), name, null);
    }

    /** A session name from a question: its first words. */
    static String nameFor(String question) {
        String oneLine = question.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 59) + "…";
    }
}
