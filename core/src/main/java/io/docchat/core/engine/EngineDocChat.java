package io.docchat.core.engine;

import io.docchat.core.DocChat;
import io.docchat.core.api.Chat;
import io.docchat.core.api.Documents;
import io.docchat.core.api.Folders;
import io.docchat.core.api.Retrieval;
import io.docchat.core.api.Sessions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running engine behind the {@link DocChat} facade; owns its components and closes them. */
final class EngineDocChat implements DocChat {
    private static final Logger log = LoggerFactory.getLogger(EngineDocChat.class);
    /** How long running parse jobs get to finish at close before they are interrupted. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final FolderService folders;
    private final DocumentService documents;
    private final SessionService sessions;
    private final ChatService chat;
    private final RetrievalService retrieval;
    private final IndexSync indexSync;
    private final IngestQueue ingestQueue;
    private final ParserRunner parserRunner;
    private final SharedWorkPoller sharedWork;
    private final Components components;
    private final AtomicBoolean closed = new AtomicBoolean();

    EngineDocChat(FolderService folders, DocumentService documents, SessionService sessions, ChatService chat,
            RetrievalService retrieval, IndexSync indexSync, IngestQueue ingestQueue, ParserRunner parserRunner,
            SharedWorkPoller sharedWork, Components components) {
        this.folders = folders;
        this.documents = documents;
        this.sessions = sessions;
        this.chat = chat;
        this.retrieval = retrieval;
        this.indexSync = indexSync;
        this.ingestQueue = ingestQueue;
        this.parserRunner = parserRunner;
        this.sharedWork = sharedWork;
        this.components = components;
    }

    @Override
    public Folders folders() {
        return folders;
    }

    @Override
    public Documents documents() {
        return documents;
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public Chat chat() {
        return chat;
    }

    @Override
    public Retrieval retrieval() {
        return retrieval;
    }

    @Override
    public void reindex() {
        indexSync.rebuild();
    }

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
        try {
            indexSync.commit();
        } catch (RuntimeException e) {
            log.warn("Committing the passage index at close failed; the next start replays the missing changes", e);
        }
        components.closeAll();
    }
}
