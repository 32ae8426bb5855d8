package io.docchat.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.DocChatException;
import io.docchat.core.model.QaTurn;
import io.docchat.core.port.QueryPlanner;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the model to rewrite a follow-up question into a standalone one before retrieval. Whenever the model cannot be
 * asked or answers something unusable, the fallback planner decides: rewriting is an improvement, never a new way to
 * fail.
 */
public final class OpenAiQueryPlanner implements QueryPlanner {
    private static final Logger log = LoggerFactory.getLogger(OpenAiQueryPlanner.class);
    private static final int TURN_CHARS = 600;

    static final String INSTRUCTION = """
            Rewrite the user's last question as one standalone question that can be understood without the \
            conversation, resolving pronouns and references from it. Keep the language of the question. If it is \
            already standalone, repeat it unchanged. Reply with the question only.""";

    private final ChatCompletionsClient client;
    private final QueryPlanner fallback;

    public OpenAiQueryPlanner(OpenAiConfig config, QueryPlanner fallback) {
        this(config, HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build(), fallback);
    }

    public OpenAiQueryPlanner(OpenAiConfig config, HttpClient http, QueryPlanner fallback) {
        this.client = new ChatCompletionsClient(config, http, new ObjectMapper());
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public String standalone(String question, List<QaTurn> history) {
        if (history.isEmpty()) {
            return question;
        }
        try {
            String rewritten = client.complete(messages(question, history)).strip();
            if (usable(rewritten, question)) {
                return rewritten;
            }
            log.debug("Ignoring an unusable rewrite of a follow-up question: {}", rewritten);
        } catch (DocChatException e) {
            log.warn("Follow-up rewriting with the model failed ({}); using the built-in planner", e.getMessage());
        }
        return fallback.standalone(question, history);
    }

    private static List<ChatMessage> messages(String question, List<QaTurn> history) {
        StringBuilder conversation = new StringBuilder();
        for (QaTurn turn : history) {
            conversation.append("User: ").append(clip(turn.question())).append('\n')
                    .append("Assistant: ").append(clip(turn.answer())).append('\n');
        }
        conversation.append("User (last question): ").append(question);
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(INSTRUCTION));
        messages.add(ChatMessage.user(conversation.toString()));
        return messages;
    }

    private static boolean usable(String rewritten, String question) {
        return !rewritten.isEmpty() && rewritten.length() <= 4 * question.length() + 200 && !rewritten.contains("\n\n");
    }

    private static String clip(String s) {
        return s.length() <= TURN_CHARS ? s : s.substring(0, TURN_CHARS) + "…";
    }
}
