package io.docchat.console;

import io.docchat.core.DocChat;
import io.docchat.embedded.EmbeddedStack;
import io.docchat.http.DocChatHttpServer;
import io.docchat.http.HttpServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded stack the command line serves ({@link EmbeddedStack}: SQLite, Lucene, files on disk, every parser and
 * page renderer) behind a real HTTP server on an ephemeral loopback port. The answer model is the extractive one,
 * paced.
 */
final class ConsoleStack implements AutoCloseable {
    final DocChat docChat;
    final DocChatHttpServer server;
    /** Account id to the bearer token issued for it. */
    final Map<String, String> bearerTokens = new LinkedHashMap<>();

    /**
     * @param tokenAccounts accounts that get a bearer token each before the server starts; none gives a server in
     *                      local mode
     */
    ConsoleStack(Path home, List<String> tokenAccounts, Duration perWord) {
        EmbeddedStack stack = EmbeddedStack.open(home);
        docChat = DocChat.builder().install(stack).answerModel(new PacedAnswerModel(perWord)).build();
        for (String account : tokenAccounts) {
            bearerTokens.put(account, docChat.accounts().issueBearerToken(account, "browser").token());
        }
        server = DocChatHttpServer.start(docChat, HttpServerConfig.defaults().withPort(0));
    }

    URI base() {
        return server.baseUri();
    }

    /** Stops the server, then the engine, which closes the whole stack. */
    @Override
    public void close() {
        server.close();
        docChat.close();
    }
}
