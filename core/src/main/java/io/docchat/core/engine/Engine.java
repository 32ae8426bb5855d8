package io.docchat.core.engine;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatModule;
import io.docchat.core.answer.ExtractiveAnswerModel;
import io.docchat.core.embedding.BackgroundEmbedder;
import io.docchat.core.engine.accounts.AccountService;
import io.docchat.core.engine.catalog.FolderService;
import io.docchat.core.engine.catalog.SessionService;
import io.docchat.core.engine.chat.ChatService;
import io.docchat.core.engine.chat.PassageRetriever;
import io.docchat.core.engine.chat.RetrievalService;
import io.docchat.core.engine.index.IndexSync;
import io.docchat.core.engine.ingest.ContentLimits;
import io.docchat.core.engine.ingest.DocumentProcessor;
import io.docchat.core.engine.ingest.DocumentService;
import io.docchat.core.engine.ingest.IngestQueue;
import io.docchat.core.engine.ingest.OrphanFiles;
import io.docchat.core.engine.ingest.ParserRunner;
import io.docchat.core.engine.ingest.SharedWorkPoller;
import io.docchat.core.memory.InMemoryAccountStore;
import io.docchat.core.memory.InMemoryChatStore;
import io.docchat.core.memory.InMemoryFileStore;
import io.docchat.core.memory.InMemoryIngestClaims;
import io.docchat.core.memory.InMemoryKnowledgeStore;
import io.docchat.core.memory.InMemoryPassageIndex;
import io.docchat.core.model.Document;
import io.docchat.core.model.DocumentStatus;
import io.docchat.core.model.RetrievalMode;
import io.docchat.core.plan.HeuristicQueryPlanner;
import io.docchat.core.port.AccountStore;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.ChatStore;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.FileStore;
import io.docchat.core.port.IngestClaims;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.PassageEmbedder;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.port.QueryPlanner;
import io.docchat.core.ranking.HybridRetriever;
import io.docchat.core.text.chunking.Chunker;
import io.docchat.core.text.parsing.PlainTextParser;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the services behind {@link DocChat}. */
public final class Engine {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    /** How often an engine on a shared store applies other engines' changes and looks for unclaimed documents. */
    private static final Duration SHARED_WORK_INTERVAL = Duration.ofSeconds(1);

    private Engine() {}

    /**
     * Fills in the defaults, brings the passage index up to date with the store, removes files an earlier run left
     * without a document, marks answers it left unfinished as interrupted, resumes documents whose parsing was cut
     * short, and returns the running engine. On failure every component is closed.
     */
    public static DocChat start(EngineConfig config) {
        Objects.requireNonNull(config, "config");
        KnowledgeStore store = orDefault(config.knowledgeStore(), InMemoryKnowledgeStore::new);
        ChatStore chats = orDefault(config.chatStore(), InMemoryChatStore::new);
        AccountStore accounts = orDefault(config.accountStore(), InMemoryAccountStore::new);
        PassageIndex index = orDefault(config.passageIndex(), InMemoryPassageIndex::new);
        FileStore files = orDefault(config.fileStore(), InMemoryFileStore::new);
        AnswerModel model = orDefault(config.answerModel(), ExtractiveAnswerModel::new);
        QueryPlanner planner = orDefault(config.queryPlanner(), HeuristicQueryPlanner::new);
        List<DocumentParser> parsers = new ArrayList<>(config.parsers());
        // The text parser comes last so that specialised parsers (HTML, Markdown with layout) get their files first.
        // It checks the engine's limits as it reads, so that a huge text is refused without being held whole.
        parsers.add(new PlainTextParser(ContentLimits.DEFAULT.maxPages(), ContentLimits.DEFAULT.maxTextChars()));

        // Closed in this order: what produces work first, the source of truth last, then the modules that own
        // what the components ran on (the most recently installed first, as it may build on earlier ones).
        List<DocChatModule> modules = new ArrayList<>(config.modules());
        Collections.reverse(modules);
        PassageEmbedder embedder = config.passageEmbedder();
        IndexSync indexSync = new IndexSync(store, index);
        BackgroundEmbedder background = embedder == null ? null
                : new BackgroundEmbedder(store, embedder, indexSync::awaitVectorsApplied);
        // The background embedder stops first: it writes to the store and the index, through the embedder.
        Components components = new Components()
                .add(background).add(embedder).add(model).add(planner).addAll(parsers).addAll(config.renderers())
                .add(index).add(files).add(chats).add(accounts).add(store).addAll(modules);

        ParserRunner parserRunner = new ParserRunner(parsers, config.parseTimeout());
        // Claims configured by the host mean a store shared with other engines; otherwise this engine is alone.
        IngestClaims claims = orDefault(config.ingestClaims(), () -> new InMemoryIngestClaims(store, config.clock()));
        String owner = ownerName();
        IngestQueue ingestQueue = new IngestQueue(
                new DocumentProcessor(store, files, parserRunner, Chunker.defaults(), indexSync, claims, owner,
                        config.ingestLease()),
                config.ingestThreads(), config.ingestQueueCapacity());
        SharedWorkPoller sharedWork = null;
        try {
            FolderService folders = new FolderService(store, config.clock());
            DocumentService documents = new DocumentService(store, files, folders, parserRunner, config.renderers(),
                    ingestQueue, indexSync, config.maxFileBytes(), config.pageImageDpi(), config.clock());
            SessionService sessions = new SessionService(chats, folders, config.clock());
            RetrievalMode mode = config.retrievalMode() != null ? config.retrievalMode()
                    : embedder != null ? RetrievalMode.HYBRID : RetrievalMode.LEXICAL;
            PassageRetriever retriever = new PassageRetriever(store,
                    new HybridRetriever(index, store, embedder, mode, config.rankFusion()), indexSync);
            ChatService chat = new ChatService(store, chats, sessions, retriever, planner, model,
                    config.clock(), config.maxQuestionChars(), config.historyTurns(), config.passagesPerAnswer());
            RetrievalService retrieval = new RetrievalService(store, folders, retriever, background);

            indexSync.reconcile();
            indexSync.start();
            OrphanFiles.remove(files, store, config.clock().instant());
            int interrupted = chats.interruptUnfinishedAnswers();
            if (interrupted > 0) {
                log.info("Marked {} answers left unfinished by an earlier run as interrupted", interrupted);
            }
            if (background != null) {
                indexSync.onPassagesAdded(background::wake);
                background.start();
            }
            List<Document> unfinished = store.findDocumentsByStatus(
                    EnumSet.of(DocumentStatus.PENDING, DocumentStatus.PARSING));
            for (Document document : unfinished) {
                ingestQueue.resume(document.accountId(), document.id());
            }
            if (!unfinished.isEmpty()) {
                log.info("Resuming the parsing of {} documents left unfinished by an earlier run", unfinished.size());
            }
            if (config.ingestClaims() != null) {
                indexSync.followOtherWriters();
                sharedWork = new SharedWorkPoller(store, claims, owner, config.ingestLease(), ingestQueue, indexSync,
                        SHARED_WORK_INTERVAL);
                log.info("Sharing the store with other engines as {}", owner);
            }
            return new EngineDocChat(folders, documents, sessions, chat, retrieval,
                    new AccountService(accounts, config.clock()), indexSync, ingestQueue,
                    parserRunner, sharedWork, components);
        } catch (RuntimeException e) {
            if (sharedWork != null) {
                sharedWork.close();
            }
            ingestQueue.close(Duration.ZERO);
            indexSync.close();
            parserRunner.close();
            components.closeAll();
            throw e;
        }
    }

    /** Names this engine among those sharing a store: host, process and a random part, readable in the database. */
    private static String ownerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static <T> T orDefault(T configured, Supplier<T> fallback) {
        return configured != null ? configured : fallback.get();
    }
}
