package io.docchat.core.engine;

import io.docchat.core.DocChatModule;
import io.docchat.core.model.RetrievalMode;
import io.docchat.core.port.AccountStore;
import io.docchat.core.port.AnswerModel;
import io.docchat.core.port.ChatStore;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.FileStore;
import io.docchat.core.port.IngestClaims;
import io.docchat.core.port.KnowledgeStore;
import io.docchat.core.port.PageRenderer;
import io.docchat.core.port.PassageEmbedder;
import io.docchat.core.port.PassageIndex;
import io.docchat.core.port.QueryPlanner;
import io.docchat.core.ranking.RankFusion;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What {@link io.docchat.core.DocChatBuilder} collected; null components mean "use the default" (no embedder: no
 * semantic retrieval; no retrieval mode: hybrid when there is an embedder).
 */
public record EngineConfig(
        KnowledgeStore knowledgeStore,
        ChatStore chatStore,
        AccountStore accountStore,
        PassageIndex passageIndex,
        FileStore fileStore,
        IngestClaims ingestClaims,
        AnswerModel answerModel,
        QueryPlanner queryPlanner,
        PassageEmbedder passageEmbedder,
        RetrievalMode retrievalMode,
        RankFusion rankFusion,
        List<DocumentParser> parsers,
        List<PageRenderer> renderers,
        List<DocChatModule> modules,
        int ingestThreads,
        int ingestQueueCapacity,
        long maxFileBytes,
        int maxQuestionChars,
        int historyTurns,
        int passagesPerAnswer,
        int pageImageDpi,
        Duration parseTimeout,
        Duration ingestLease,
        Clock clock) {}
