package io.docchat.core.engine;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatException;
import io.docchat.core.api.Accounts;
import io.docchat.core.api.Chat;
import io.docchat.core.api.Documents;
import io.docchat.core.api.Folders;
import io.docchat.core.api.Retrieval;
import io.docchat.core.api.Sessions;
import io.docchat.core.engine.chat.ChatService;
import io.docchat.core.engine.chat.RetrievalService;
import io.docchat.core.engine.catalog.FolderService;
import io.docchat.core.engine.catalog.SessionService;
import io.docchat.core.engine.index.IndexSync;
import io.docchat.core.engine.ingest.DocumentService;
import io.docchat.core.engine.ingest.IngestQueue;
import io.docchat.core.engine.ingest.SharedWorkPoller;
import io.docchat.core.engine.ingest.ParserRunner;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running engine behind the {@link DocChat} facade; owns its components and closes them. After {@link #close()}
 * every call, also on views obtained earlier, throws {@link DocChatException} with {@code CLOSED}.
 */
final class EngineDocChat implements DocChat {
    private static final Logger log = LoggerFactory.getLogger(EngineDocChat.class);
    /** How long running parse jobs get to finish at close before they are interrupted. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final AtomicBoolean closed = new AtomicBoolean();
    private final Folders folders;
    private final Documents documents;
    private final Sessions sessions;
    private final Chat chat;
    private final Retrieval retrieval;
    private final Accounts accounts;
    private final IndexSync indexSync;
    private final IngestQueue ingestQueue;
    private final ParserRunner parserRunner;
    private final SharedWorkPoller sharedWork;
    private final Components components;

    EngineDocChat(FolderService folders, DocumentService documents, SessionService sessions, ChatService chat,
            RetrievalService retrieval, Accounts accounts, IndexSync indexSync, IngestQueue ingestQueue,
            ParserRunner parserRunner, SharedWorkPoller sharedWork, Components components) {
        this.folders = ClosedGuard.guard(Folders.class, folders, closed);
        this.documents = ClosedGuard.guard(Documents.class, documents, closed);
        this.sessions = ClosedGuard.guard(Sessions.class, sessions, closed);
        this.chat = ClosedGuard.guard(Chat.class, chat, closed);
        this.retrieval = ClosedGuard.guard(Retrieval.class, retrieval, closed);
        this.accounts = ClosedGuard.guard(Accounts.class, accounts, closed);
        this.indexSync = indexSync;
        this.ingestQueue = ingestQueue;
        this.parserRunner = parserRunner;
        this.sharedWork = sharedWork;
        this.components = components;
    }

    @Override
    public Folders folders() {
        requireOpen();
        return folders;
    }

    @Override
    public Documents documents() {
        requireOpen();
        return documents;
    }

    @Override
    public Sessions sessions() {
        requireOpen();
        return sessions;
    }

    @Override
    public Chat chat() {
        requireOpen();
        return chat;
    }

    @Override
    public Retrieval retrieval() {
        requireOpen();
        return retrieval;
    }

    @Override
    public Accounts accounts() {
        requireOpen();
        return accounts;
    }

    @Override
    public void reindex() {
        requireOpen();
        indexSync.rebuild();
    }

    /** Closes once; later calls of {@code close} do nothing, every other call throws {@code CLOSED}. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (sharedWork != null) {
            sharedWork.close();
        }
        ingestQueue.close(CLOSE_GRACE);
        parserRunner.close();
        indexSync.close();
        try {
            indexSync.commit();
        } catch (RuntimeException e) {
            log.warn("Committing the passage index at close failed; the next start replays the missing changes", e);
        }
        components.closeAll();
    }

    private void requireOpen() {
        if (closed.get()) {
            throw DocChatException.closed();
        }
    }
}
