package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatBuilder;
import io.docchat.core.plan.HeuristicQueryPlanner;
import io.docchat.core.port.DocumentParser;
import io.docchat.documents.DocumentParsers;
import io.docchat.documents.PdfPageRenderer;
import io.docchat.openai.OpenAiAnswerModel;
import io.docchat.openai.OpenAiConfig;
import io.docchat.openai.OpenAiQueryPlanner;
import java.util.Optional;

/**
 * What every backend's engine has whatever its store: every parser, the PDF page renderer, and the extractive answer
 * model unless an OpenAI-compatible endpoint is configured.
 */
final class EngineDefaults {
    private EngineDefaults() {}

    /** A builder with the parsers, renderer and models; the caller adds the stores and the index. */
    static DocChatBuilder builder(ModelSettings model) {
        Optional<OpenAiConfig> openAi = openAiConfig(model);
        boolean rewriteFollowUps = rewritesFollowUps(model);
        DocChatBuilder builder = DocChat.builder().pageRenderer(new PdfPageRenderer());
        for (DocumentParser parser : DocumentParsers.all()) {
            builder.parser(parser);
        }
        openAi.ifPresent(config -> {
            builder.answerModel(new OpenAiAnswerModel(config));
            if (rewriteFollowUps) {
                builder.queryPlanner(new OpenAiQueryPlanner(config, new HeuristicQueryPlanner()));
            }
        });
        return builder;
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
