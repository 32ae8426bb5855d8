package io.docchat.core;

import io.docchat.core.engine.Engine;
import io.docchat.core.engine.EngineConfig;
import io.docchat.core.port.AccountStore;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.ChatStore;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.FileStore;
import io.docchat.core.port.IngestClaims;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.PageRenderer;
import io.docchat.core.model.RetrievalMode;
import io.docchat.core.port.PassageEmbedder;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.port.QueryPlanner;
import io.docchat.core.ranking.RankFusion;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link DocChat}. Every component is optional: what is not given is in memory (stores, index, files),
 * the extractive answer model, the heuristic query planner, and the built-in text and Markdown parser. Parsers added
 * here are tried before the built-in one, in the order added.
 *
 * <p>Ownership: the {@code DocChat} owns every component it was built from and closes it in {@link DocChat#close()};
 * if {@link #build()} fails, it has closed them already. A builder builds one {@code DocChat}: components cannot be
 * shared by two engines, so a second {@code build()} is refused.
 */
public final class DocChatBuilder {
    private KnowledgeStore knowledgeStore;
    private ChatStore chatStore;
    private AccountStore accountStore;
    private PassageIndex passageIndex;
    private FileStore fileStore;
    private IngestClaims ingestClaims;
    private Duration ingestLease;
    private AnswerModel answerModel;
    private QueryPlanner queryPlanner;
    private PassageEmbedder passageEmbedder;
    private RetrievalMode retrievalMode;
    private RankFusion rankFusion = RankFusion.defaults();
    private final List<DocumentParser> parsers = new ArrayList<>();
    private final List<PageRenderer> renderers = new ArrayList<>();
    private final List<DocChatModule> modules = new ArrayList<>();
    private int ingestThreads = 2;
    private int ingestQueueCapacity = 10_000;
    private long maxFileBytes = 100L * 1024 * 1024;
    private int maxQuestionChars = 2_000;
    private int historyTurns = 3;
    private int passagesPerAnswer = 5;
    private int pageImageDpi = 144;
    private Duration parseTimeout = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private boolean built;

    DocChatBuilder() {}

    /**
     * Lets a module contribute its components, and hands the module to the {@code DocChat}, which closes it after
     * them. A single component (a store, the index, the file store, the answer model, the planner) set after
     * {@code install} replaces the module's; parsers and page renderers add up, in the order given.
     */
    public DocChatBuilder install(DocChatModule module) {
        Objects.requireNonNull(module, "module");
        modules.add(module);
        module.contributeTo(this);
        return this;
    }

    public DocChatBuilder knowledgeStore(KnowledgeStore store) {
        this.knowledgeStore = Objects.requireNonNull(store, "store");
        return this;
    }

    public DocChatBuilder chatStore(ChatStore store) {
        this.chatStore = Objects.requireNonNull(store, "store");
        return this;
    }

    public DocChatBuilder accountStore(AccountStore store) {
        this.accountStore = Objects.requireNonNull(store, "store");
        return this;
    }

    public DocChatBuilder passageIndex(PassageIndex index) {
        this.passageIndex = Objects.requireNonNull(index, "index");
        return this;
    }

    public DocChatBuilder fileStore(FileStore store) {
        this.fileStore = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Shares the knowledge store with other engines (other processes or machines): documents are parsed by whichever
     * engine claims them first, an engine that dies has its documents taken over once their claims run out, and every
     * second this engine applies the others' changes to its own passage index. Without it the engine assumes it is the
     * store's only user.
     */
    public DocChatBuilder ingestClaims(IngestClaims claims) {
        this.ingestClaims = Objects.requireNonNull(claims, "claims");
        return this;
    }

    /**
     * How long an engine's claim on a document it parses holds before another engine may take the document over
     * (default: the parse timeout plus one minute, so a live engine is never overtaken).
     */
    public DocChatBuilder ingestLease(Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("ingestLease must be positive");
        }
        this.ingestLease = lease;
        return this;
    }

    public DocChatBuilder answerModel(AnswerModel model) {
        this.answerModel = Objects.requireNonNull(model, "model");
        return this;
    }

    public DocChatBuilder queryPlanner(QueryPlanner planner) {
        this.queryPlanner = Objects.requireNonNull(planner, "planner");
        return this;
    }

    /**
     * The model that embeds passages and questions for semantic retrieval. Passages are embedded in the background
     * after they are searchable by words; their vectors are kept in the knowledge store. Without one, retrieval is
     * by words only.
     */
    public DocChatBuilder passageEmbedder(PassageEmbedder embedder) {
        this.passageEmbedder = Objects.requireNonNull(embedder, "embedder");
        return this;
    }

    /** How passages are ranked (default: hybrid with an embedder, lexical without one, which it then always is). */
    public DocChatBuilder retrievalMode(RetrievalMode mode) {
        this.retrievalMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** How hybrid retrieval fuses the word and meaning rankings (default: {@link RankFusion#defaults()}). */
    public DocChatBuilder rankFusion(RankFusion fusion) {
        this.rankFusion = Objects.requireNonNull(fusion, "fusion");
        return this;
    }

    /** Adds a parser, tried before the built-in text parser and after parsers added earlier. */
    public DocChatBuilder parser(DocumentParser parser) {
        parsers.add(Objects.requireNonNull(parser, "parser"));
        return this;
    }

    public DocChatBuilder pageRenderer(PageRenderer renderer) {
        renderers.add(Objects.requireNonNull(renderer, "renderer"));
        return this;
    }

    /** Documents parsed at once in the background (default 2). */
    public DocChatBuilder ingestThreads(int threads) {
        this.ingestThreads = positive("ingestThreads", threads);
        return this;
    }

    /** Documents that may wait for parsing before submissions are refused (default 10,000). */
    public DocChatBuilder ingestQueueCapacity(int capacity) {
        this.ingestQueueCapacity = positive("ingestQueueCapacity", capacity);
        return this;
    }

    /** The largest file accepted (default 100 MiB). */
    public DocChatBuilder maxFileBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be positive");
        }
        this.maxFileBytes = bytes;
        return this;
    }

    /** The longest question accepted, in characters (default 2,000). */
    public DocChatBuilder maxQuestionChars(int chars) {
        this.maxQuestionChars = positive("maxQuestionChars", chars);
        return this;
    }

    /** Earlier Q&A pairs of a session used to understand a follow-up (default 3). */
    public DocChatBuilder historyTurns(int turns) {
        if (turns < 0) {
            throw new IllegalArgumentException("historyTurns must not be negative");
        }
        this.historyTurns = turns;
        return this;
    }

    /** Passages retrieved and given to the answer model (default 5). */
    public DocChatBuilder passagesPerAnswer(int passages) {
        this.passagesPerAnswer = positive("passagesPerAnswer", passages);
        return this;
    }

    /** Resolution of page images (default 144 DPI); line boxes are scaled to match. */
    public DocChatBuilder pageImageDpi(int dpi) {
        if (dpi < 36 || dpi > 600) {
            throw new IllegalArgumentException("pageImageDpi must be between 36 and 600");
        }
        this.pageImageDpi = dpi;
        return this;
    }

    /** How long one document may take to parse before it fails (default 5 minutes). */
    public DocChatBuilder parseTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("parseTimeout must be positive");
        }
        this.parseTimeout = timeout;
        return this;
    }

    public DocChatBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Starts the engine: reconciles the passage index with the knowledge store and resumes documents whose parsing
     * was cut short.
     *
     * @throws IllegalStateException when this builder already built a {@code DocChat}
     */
    public DocChat build() {
        if (built) {
            throw new IllegalStateException("this builder already built a DocChat, which owns its components;"
                    + " use DocChat.builder() for another");
        }
        built = true;
        return Engine.start(new EngineConfig(
                knowledgeStore, chatStore, accountStore, passageIndex, fileStore, ingestClaims, answerModel,
                queryPlanner, passageEmbedder, retrievalMode, rankFusion, List.copyOf(parsers), List.copyOf(renderers),
                List.copyOf(modules), ingestThreads, ingestQueueCapacity, maxFileBytes, maxQuestionChars, historyTurns,
                passagesPerAnswer, pageImageDpi, parseTimeout, ingestLease != null ? ingestLease : parseTimeout.plusMinutes(1),
                clock));
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
