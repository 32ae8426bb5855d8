package io.docchat.console;

import io.docchat.core.DocChat;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import io.docchat.core.port.AccountStore;
import io.docchat.embedded.EmbeddedStack;
import io.docchat.http.DocChatHttpServer;
import io.docchat.http.HttpServerConfig;
import io.docchat.sqlite.SqliteDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * The embedded stack the command line serves ({@link EmbeddedStack}: SQLite, Lucene, files on disk, every parser and
 * page renderer) behind a real HTTP server on an ephemeral loopback port. The answer model is the extractive one,
 * paced.
 */
final class ConsoleStack implements AutoCloseable {
    final SqliteDatabase database;
    final DocChat docChat;
    final DocChatHttpServer server;

    /**
     * @param bearerTokens account id to bearer token; none gives a server in local mode
     */
    ConsoleStack(Path home, Map<String, String> bearerTokens, Duration perWord) {
        EmbeddedStack stack = EmbeddedStack.open(home);
        database = stack.storage().database();
        AccountStore accounts = database.accountStore();
        Instant now = Instant.now();
        // Tokens the browser already knows, stored as the server looks them up: by their SHA-256 hex.
        bearerTokens.forEach((account, token) -> {
            accounts.insertAccount(new Account(account, account, now));
            accounts.insertBearerToken(new BearerToken(sha256Hex(token), account, "browser", now));
        });
        docChat = DocChat.builder().install(stack).answerModel(new PacedAnswerModel(perWord)).build();
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

    private static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
