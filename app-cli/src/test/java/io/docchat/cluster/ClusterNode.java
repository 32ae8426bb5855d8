package io.docchat.cluster;

import io.docchat.cli.Backend;
import io.docchat.cli.DataHome;
import io.docchat.cli.ModelSettings;
import io.docchat.cli.PostgresBackend;
import io.docchat.cli.StoreSettings;
import io.docchat.documents.OcrSettings;
import io.docchat.http.DocChatHttpServer;
import io.docchat.http.HttpServerConfig;
import java.net.URI;
import java.nio.file.Path;

/** One docchat server of a cluster, in this JVM: its own data directory (index replica), the shared database. */
final class ClusterNode implements AutoCloseable {
    private final Backend backend;
    private final DocChatHttpServer server;

    private ClusterNode(Backend backend, DocChatHttpServer server) {
        this.backend = backend;
        this.server = server;
    }

    static ClusterNode start(String storeUrl, Path home) {
        Backend backend = PostgresBackend.open(new DataHome(home).create(), new StoreSettings(storeUrl),
                ModelSettings.EXTRACTIVE, OcrSettings.disabled());
        try {
            DocChatHttpServer server = DocChatHttpServer.start(backend.docChat(),
                    HttpServerConfig.defaults().withPort(0).withSignedUrlSecret(backend.urlSigningKey().orElseThrow()));
            return new ClusterNode(backend, server);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    Backend backend() {
        return backend;
    }

    URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            backend.close();
        }
    }
}
