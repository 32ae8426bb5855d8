package io.docchat.http;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatBuilder;
import io.docchat.core.memory.InMemoryAccountStore;
import io.docchat.core.model.AccessKey;
import io.docchat.core.model.Account;
import io.docchat.core.model.BearerToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * A real DocChat (in memory) behind a real server on an ephemeral loopback port, with two accounts: {@code acme}
 * (access key and bearer token) and {@code other} (access key).
 */
final class TestServer implements AutoCloseable {
    static final String ACME_KEY = "AKacme";
    static final String ACME_SECRET = "acme-secret-0123456789";
    static final String ACME_TOKEN = "acme-bearer-token";
    static final String OTHER_KEY = "AKother";
    static final String OTHER_SECRET = "other-secret-0123456789";

    final DocChat docChat;
    final InMemoryAccountStore accounts = new InMemoryAccountStore();
    final DocChatHttpServer server;

    TestServer(UnaryOperator<DocChatBuilder> engine, UnaryOperator<HttpServerConfig> config, boolean withKeys) {
        if (withKeys) {
            Instant now = Instant.now();
            accounts.insertAccount(new Account("acme", "Acme", now));
            accounts.insertAccount(new Account("other", "Other", now));
            accounts.insertAccessKey(new AccessKey(ACME_KEY, "acme", ACME_SECRET, now));
            accounts.insertAccessKey(new AccessKey(OTHER_KEY, "other", OTHER_SECRET, now));
            accounts.insertBearerToken(new BearerToken(
                    TestSigner.sha256Hex(ACME_TOKEN.getBytes(StandardCharsets.UTF_8)), "acme", "tests", now));
        }
        this.docChat = engine.apply(DocChat.builder().accountStore(accounts)).build();
        this.server = DocChatHttpServer.start(docChat,
                config.apply(HttpServerConfig.defaults().withPort(0)));
    }

    static TestServer withKeys() {
        return new TestServer(b -> b, c -> c, true);
    }

    ApiClient acme() {
        return ApiClient.signed(server.baseUri(), ACME_KEY, ACME_SECRET);
    }

    ApiClient other() {
        return ApiClient.signed(server.baseUri(), OTHER_KEY, OTHER_SECRET);
    }

    @Override
    public void close() {
        server.close();
        docChat.close();
    }
}
