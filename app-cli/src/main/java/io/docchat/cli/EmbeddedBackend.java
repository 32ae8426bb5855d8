package io.docchat.cli;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatBuilder;
import io.docchat.core.plan.HeuristicQueryPlanner;
import io.docchat.embedded.EmbeddedStack;
import io.docchat.openai.OpenAiAnswerModel;
import io.docchat.openai.OpenAiConfig;
import io.docchat.openai.OpenAiQueryPlanner;
import java.util.Optional;

/**
 * The embedded default ({@link EmbeddedStack}: SQLite, Lucene, files on disk, every document format) on the data
 * directory, with the extractive answer model unless an OpenAI-compatible endpoint is configured.
 */
public final class EmbeddedBackend implements Backend {
    private final DocChat docChat;

    private EmbeddedBackend(DocChat docChat) {
        this.docChat = docChat;
    }

    /** Opens (creating on first use) the database, index and files of the data directory. */
    public static Backend open(DataHome home, ModelSettings model) {
        Optional<OpenAiConfig> openAi = openAiConfig(model);
        boolean rewriteFollowUps = rewritesFollowUps(model);
        DocChatBuilder builder = DocChat.builder().install(EmbeddedStack.open(home.root()));
        openAi.ifPresent(config -> {
            builder.answerModel(new OpenAiAnswerModel(config));
            if (rewriteFollowUps) {
                builder.queryPlanner(new OpenAiQueryPlanner(config, new HeuristicQueryPlanner()));
            }
        });
        return new EmbeddedBackend(builder.build());
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

    /** Closes the engine, which closes everything the embedded stack opened. */
    @Override
    public void close() {
        docChat.close();
    }
}
