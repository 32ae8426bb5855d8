package io.docchat.cli;

import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import io.docchat.core.model.ChatItem;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.Folder;
import io.docchat.core.model.PageRequest;
import io.docchat.core.model.ResultPage;
import io.docchat.core.model.Session;
import io.docchat.core.port.AccountStore;
import io.docchat.core.port.ChatStore;
import io.docchat.core.port.FileStore;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.postgres.PostgresImport;
import io.docchat.postgres.PostgresStorage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Copies a knowledge base, read through the ports of its stores, into an empty PostgreSQL database: accounts and their
 * credentials, the folder tree, documents with their status, pages, passages and original file, sessions and their
 * whole history. Document ids are kept (history cites documents by id); passages get new ids from the target's change
 * sequence, which every node's index replica replays.
 *
 * @param accounts  the source's accounts
 * @param knowledge the source's folders and documents
 * @param chats     the source's sessions and history
 * @param files     the source's original files
 */
record KnowledgeBaseCopy(AccountStore accounts, KnowledgeStore knowledge, ChatStore chats, FileStore files) {
    private static final int PAGE = PageRequest.MAX_SIZE;

    /** What was copied, by the table names of {@link PostgresImport#counts()}, and what could not be. */
    record Copied(Map<String, Long> counts, List<String> missingFiles) {}

    Copied into(PostgresStorage target, Consumer<String> progress) {
        PostgresImport importer = target.importer();
        importer.requireEmpty();
        Counter counts = new Counter();

        List<Account> registered = accounts.listAccounts();
        for (Account account : registered) {
            target.accountStore().insertAccount(account);
            counts.add("account");
            for (AccessKey key : accounts.listAccessKeys(account.id())) {
                target.accountStore().insertAccessKey(key);
                counts.add("access_key");
            }
            for (BearerToken token : accounts.listBearerTokens(account.id())) {
                target.accountStore().insertBearerToken(token);
                counts.add("bearer_token");
            }
        }
        List<Document> documents = knowledge.findDocumentsByStatus(EnumSet.allOf(DocumentStatus.class));
        // Every account that can hold data: the registered ones, the local one, and any that owns a document.
        Set<String> accountIds = new TreeSet<>();
        registered.forEach(account -> accountIds.add(account.id()));
        accountIds.add(Account.LOCAL);
        documents.forEach(document -> accountIds.add(document.accountId()));

        for (String accountId : accountIds) {
            for (Folder folder : parentsFirst(knowledge.listFolders(accountId))) {
                target.knowledgeStore().insertFolder(folder);
                counts.add("folder");
            }
        }
        progress.accept("copied " + counts.get("account") + " accounts and " + counts.get("folder") + " folders");

        List<String> missingFiles = new ArrayList<>();
        Set<String> copiedFiles = new HashSet<>();
        int done = 0;
        for (Document document : documents) {
            var pages = knowledge.pages(document.id());
            var passages = knowledge.passagesOfDocument(document.id());
            importer.document(document, pages, passages);
            counts.add("document");
            counts.add("page", pages.size());
            counts.add("passage", passages.size());
            if (copiedFiles.add(document.fileKey())) {
                Optional<byte[]> content = files.read(document.fileKey());
                if (content.isPresent()) {
                    target.fileStore().put(document.fileKey(), content.get());
                    counts.add("stored_file");
                } else {
                    missingFiles.add(document.fileName() + " (document " + document.id() + ")");
                }
            }
            if (++done % 100 == 0) {
                progress.accept("copied " + done + " of " + documents.size() + " documents");
            }
        }
        progress.accept("copied " + documents.size() + " documents");

        for (String accountId : accountIds) {
            for (int page = 1; ; page++) {
                ResultPage<Session> sessions = chats.listSessions(accountId, null, null, new PageRequest(page, PAGE));
                for (Session session : sessions.items()) {
                    copySession(session, target, importer, counts);
                }
                if ((long) page * PAGE >= sessions.total()) {
                    break;
                }
            }
        }
        progress.accept("copied " + counts.get("chat_session") + " sessions with " + counts.get("chat_item")
                + " questions and answers");
        importer.finish();
        return new Copied(counts.snapshot(), List.copyOf(missingFiles));
    }

    private void copySession(Session session, PostgresStorage target, PostgresImport importer, Counter counts) {
        target.chatStore().insertSession(session);
        counts.add("chat_session");
        for (int page = 1; ; page++) {
            ResultPage<ChatItem> items = chats.listChatItems(session.id(), new PageRequest(page, PAGE));
            for (ChatItem item : items.items()) {
                target.chatStore().appendChatItem(item);
                counts.add("chat_item");
            }
            if ((long) page * PAGE >= items.total()) {
                break;
            }
        }
        importer.sessionUpdatedAt(session);
    }

    /** The folders ordered so that each comes after its parent, as the target checks parents exist. */
    private static List<Folder> parentsFirst(List<Folder> folders) {
        Map<String, List<Folder>> byParent = folders.stream()
                .collect(Collectors.groupingBy(folder -> folder.parentId() == null ? "" : folder.parentId()));
        Set<String> ids = folders.stream().map(Folder::id).collect(Collectors.toSet());
        List<Folder> ordered = new ArrayList<>(folders.size());
        List<Folder> level = new ArrayList<>();
        for (Folder folder : folders) {
            // Roots, and folders whose parent is missing (the target then refuses them with a clear error).
            if (folder.parentId() == null || !ids.contains(folder.parentId())) {
                level.add(folder);
            }
        }
        while (!level.isEmpty()) {
            ordered.addAll(level);
            List<Folder> next = new ArrayList<>();
            for (Folder folder : level) {
                next.addAll(byParent.getOrDefault(folder.id(), List.of()));
            }
            level = next;
        }
        return ordered;
    }

    /** Rows copied per table. */
    private static final class Counter {
        private final Map<String, Long> counts = new java.util.LinkedHashMap<>();

        void add(String table) {
            add(table, 1);
        }

        void add(String table, long rows) {
            counts.merge(table, rows, Long::sum);
        }

        long get(String table) {
            return counts.getOrDefault(table, 0L);
        }

        Map<String, Long> snapshot() {
            return Map.copyOf(counts);
        }
    }
}
