package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatBuilder;
import io.docchat.core.answer.ExtractiveAnswerModel;
import io.docchat.core.answer.SimilarityGate;
import io.docchat.core.model.RetrievalMode;
import io.docchat.core.plan.HeuristicQueryPlanner;
import io.docchat.core.port.PassageEmbedder;
import io.docchat.documents.DocumentLimits;
import io.docchat.documents.DocumentsModule;
import io.docchat.documents.OcrProgress;
import io.docchat.documents.OcrSettings;
import io.docchat.evaluation.VectorCachingEmbedder;
import io.docchat.openai.OpenAiAnswerModel;
import io.docchat.onnx.ModelCache;
import io.docchat.onnx.OnnxPassageEmbedder;
import io.docchat.openai.OpenAiConfig;
import io.docchat.openai.OpenAiEmbeddingConfig;
import io.docchat.openai.OpenAiPassageEmbedder;
import io.docchat.openai.OpenAiQueryPlanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What every backend's engine has whatever its store: every document format (scanned pages and images read by OCR as
 * configured), a parse timeout that leaves OCR its time, the extractive answer model unless an OpenAI-compatible
 * endpoint is configured, and the retrieval mode with its embedding model.
 */
final class EngineDefaults {
    /** The engine's parse timeout never cuts OCR short: it leaves this much beyond the OCR time limit. */
    private static final Duration PARSE_BEYOND_OCR = Duration.ofMinutes(1);
    private static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofMinutes(5);

    private EngineDefaults() {}

    /** Every document format with the page renderers, scanned pages and images read by OCR as configured. */
    static DocumentsModule documents(OcrSettings ocr, OcrProgress ocrProgress) {
        return DocumentsModule.of(DocumentLimits.defaults(), ocr, ocrProgress);
    }

    /**
     * A builder with the parse timeout, the answer models and the embedding model; the caller installs the documents
     * module, the stores and the index. With a {@code firstQuestion} (else null), the bundled models that question
     * needs start loading now, on a thread of their own, while the caller opens the rest.
     */
    static DocChatBuilder builder(ModelSettings model, OcrSettings ocr, String firstQuestion) {
        Optional<OpenAiConfig> openAi = openAiConfig(model);
        boolean rewriteFollowUps = rewritesFollowUps(model);
        double refusalThreshold = refusalThreshold(model);
        RetrievalMode retrieval = retrievalMode(model);
        Optional<OpenAiEmbeddingConfig> remoteEmbeddings = embeddingConfig(model);
        DocChatBuilder builder = DocChat.builder().parseTimeout(parseTimeout(ocr));
        // The refusal by meaning is calibrated for the bundled embedding models only: another model's cosines differ.
        boolean bundledEmbeddings = retrieval != RetrievalMode.LEXICAL && remoteEmbeddings.isEmpty();
        if (openAi.isEmpty()) {
            builder.answerModel(new ExtractiveAnswerModel(
                    Double.isNaN(refusalThreshold) ? ExtractiveAnswerModel.DEFAULT_REFUSAL_THRESHOLD : refusalThreshold,
                    bundledEmbeddings ? SimilarityGate.BGE_SMALL : null));
        }
        openAi.ifPresent(config -> {
            builder.answerModel(new OpenAiAnswerModel(config));
            if (rewriteFollowUps) {
                builder.queryPlanner(new OpenAiQueryPlanner(config, new HeuristicQueryPlanner()));
            }
        });
        // Lexical retrieval loads no embedding model; otherwise an OpenAI-compatible endpoint when one is
        // configured, else the bundled in-process models.
        builder.retrievalMode(retrieval);
        if (retrieval != RetrievalMode.LEXICAL) {
            PassageEmbedder embedder;
            if (remoteEmbeddings.isPresent()) {
                embedder = new OpenAiPassageEmbedder(remoteEmbeddings.get());
            } else {
                OnnxPassageEmbedder bundled = OnnxPassageEmbedder.bilingual(
                        model.cacheDirectory().map(ModelCache::in).orElse(ModelCache.none()));
                if (firstQuestion != null) {
                    bundled.prepareQuery(firstQuestion);
                }
                embedder = bundled;
            }
            String cache = model.variables().get(ModelSettings.EMBEDDING_CACHE);
            builder.passageEmbedder(cache == null ? embedder : new VectorCachingEmbedder(embedder, Path.of(cache)));
        }
        return builder;
    }

    private static RetrievalMode retrievalMode(ModelSettings model) {
        try {
            return model.retrievalMode();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    private static Optional<OpenAiEmbeddingConfig> embeddingConfig(ModelSettings model) {
        try {
            return OpenAiEmbeddingConfig.fromEnvironment(model.variables());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
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
}
