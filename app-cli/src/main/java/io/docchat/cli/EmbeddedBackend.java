package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatBuilder;
import io.docchat.core.answer.ExtractiveAnswerModel;
import io.docchat.core.files.FileSystemFileStore;
import io.docchat.core.model.RetrievalMode;
import io.docchat.core.plan.HeuristicQueryPlanner;
import io.docchat.core.port.DocumentParser;
import io.docchat.core.port.PageRenderer;
import io.docchat.documents.DocumentLimits;
import io.docchat.documents.DocumentParsers;
import io.docchat.documents.OcrProgress;
import io.docchat.documents.OcrSettings;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.onnx.OnnxEmbeddingModule;
import io.docchat.openai.OpenAiAnswerModel;
import io.docchat.openai.OpenAiConfig;
import io.docchat.openai.OpenAiEmbeddingConfig;
import io.docchat.openai.OpenAiPassageEmbedder;
import io.docchat.openai.OpenAiQueryPlanner;
import io.docchat.sqlite.SqliteDatabase;
import java.time.Duration;
import java.util.Optional;

/**
 * The embedded default: SQLite for the stores, Lucene for the passage index, the original files on disk, every parser
 * (scanned pages and images read by OCR as configured), the extractive answer model unless an OpenAI-compatible
 * endpoint is configured, and hybrid retrieval with the bundled embedding models unless another embedding endpoint or
 * retrieval mode is configured.
 */
public final class EmbeddedBackend implements Backend {
    private final SqliteDatabase database;
    private final DocChat docChat;
    private final OcrProgress ocrProgress;

    private EmbeddedBackend(SqliteDatabase database, DocChat docChat, OcrProgress ocrProgress) {
        this.database = database;
        this.docChat = docChat;
        this.ocrProgress = ocrProgress;
    }

    /** The engine's parse timeout never cuts OCR short: it leaves this much beyond the OCR time limit. */
    private static final Duration PARSE_BEYOND_OCR = Duration.ofMinutes(1);
    private static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofMinutes(5);

    /** Opens (creating on first use) the database, index and files of the data directory. */
    public static Backend open(DataHome home, ModelSettings model, OcrSettings ocr) {
        Optional<OpenAiConfig> openAi = openAiConfig(model);
        SqliteDatabase database = SqliteDatabase.open(home.database());
        try {
            DocChatBuilder builder = DocChat.builder()
                    .knowledgeStore(database.knowledgeStore())
                    .chatStore(database.chatStore())
                    .accountStore(database.accountStore())
                    .passageIndex(LucenePassageIndex.open(home.index()))
                    .fileStore(new FileSystemFileStore(home.files()))
                    .parseTimeout(parseTimeout(ocr));
            DocumentLimits limits = DocumentLimits.defaults();
            for (PageRenderer renderer : DocumentParsers.renderers(limits)) {
                builder.pageRenderer(renderer);
            }
            OcrProgress ocrProgress = new OcrProgress();
            for (DocumentParser parser : DocumentParsers.all(limits, ocr, ocrProgress)) {
                builder.parser(parser);
            }
            boolean rewriteFollowUps = rewritesFollowUps(model);
            double refusalThreshold = refusalThreshold(model);
            if (openAi.isEmpty() && !Double.isNaN(refusalThreshold)) {
                builder.answerModel(new ExtractiveAnswerModel(refusalThreshold));
            }
            openAi.ifPresent(config -> {
                builder.answerModel(new OpenAiAnswerModel(config));
                if (rewriteFollowUps) {
                    builder.queryPlanner(new OpenAiQueryPlanner(config, new HeuristicQueryPlanner()));
                }
            });
            installEmbeddings(builder, model);
            return new EmbeddedBackend(database, builder.build(), ocrProgress);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The retrieval mode, and for semantic or hybrid retrieval the embedding model: an OpenAI-compatible endpoint
     * when one is configured, else the bundled in-process models. Lexical retrieval loads no embedding model.
     */
    private static void installEmbeddings(DocChatBuilder builder, ModelSettings model) {
        RetrievalMode mode;
        Optional<OpenAiEmbeddingConfig> remote;
        try {
            mode = model.retrievalMode();
            remote = OpenAiEmbeddingConfig.fromEnvironment(model.variables());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
        builder.retrievalMode(mode);
        if (mode == RetrievalMode.LEXICAL) {
            return;
        }
        if (remote.isPresent()) {
            builder.passageEmbedder(new OpenAiPassageEmbedder(remote.get()));
        } else {
            builder.install(OnnxEmbeddingModule.bilingual());
        }
    }

    private static double refusalThreshold(ModelSettings model) {
        try {
            return model.refusalThreshold();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    private static Duration parseTimeout(OcrSettings ocr) {
        Duration needed = ocr.documentTimeout().plus(PARSE_BEYOND_OCR);
        return needed.compareTo(DEFAULT_PARSE_TIMEOUT) > 0 ? needed : DEFAULT_PARSE_TIMEOUT;
    }

    private static boolean rewritesFollowUps(ModelSettings model) {
        try {
            return model.rewritesFollowUps();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    private static Optional<OpenAiConfig> openAiConfig(ModelSettings model) {
        try {
            return OpenAiConfig.fromEnvironment(model.variables());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    @Override
    public DocChat docChat() {
        return docChat;
    }

    @Override
    public long ocrPagesRead() {
        return ocrProgress.pagesRead();
    }

    @Override
    public void close() {
        try {
            docChat.close();
        } finally {
            database.close();
        }
    }
}
