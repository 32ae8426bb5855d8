package io.docchat.console;

import io.docchat.core.DocChat;
import io.docchat.core.DocChatBuilder;
import io.docchat.core.files.FileSystemFileStore;
import io.docchat.core.port.DocumentParser;
import io.docchat.documents.DocumentParsers;
import io.docchat.documents.PdfPageRenderer;
import io.docchat.http.DocChatHttpServer;
import io.docchat.http.HttpServerConfig;
import io.docchat.lucene.LucenePassageIndex;
import io.docchat.sqlite.SqliteDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded stack the command line serves (SQLite, Lucene, files on disk, every parser, the PDF page renderer)
 * behind a real HTTP server on an ephemeral loopback port. The answer model is the extractive one, paced.
 */
final class ConsoleStack implements AutoCloseable {
    final SqliteDatabase database;
    final DocChat docChat;
    final DocChatHttpServer server;

    final Map<String, String> bearerTokens = new LinkedHashMap<>();

    /**
     * @param accounts accounts that each get a bearer token (see {@link #bearerTokens}); none gives a server in local
     *                 mode
     */
    ConsoleStack(Path home, List<String> accounts, Duration perWord) {
        database = SqliteDatabase.open(home.resolve("docchat.db"));
        DocChatBuilder builder = DocChat.builder()
                .knowledgeStore(database.knowledgeStore())
                .chatStore(database.chatStore())
                .accountStore(database.accountStore())
                .passageIndex(LucenePassageIndex.open(home.resolve("index")))
                .fileStore(new FileSystemFileStore(home.resolve("files")))
                .pageRenderer(new PdfPageRenderer())
                .answerModel(new PacedAnswerModel(perWord));
        for (DocumentParser parser : DocumentParsers.all()) {
            builder.parser(parser);
        }
        docChat = builder.build();
        for (String account : accounts) {
            bearerTokens.put(account, docChat.accounts().issueBearerToken(account, "browser").token());
        }
        server = DocChatHttpServer.start(docChat, HttpServerConfig.defaults().withPort(0));
    }

    URI base() {
        return server.baseUri();
    }

    @Override
    public void close() {
        server.close();
        docChat.close();
        database.close();
    }
}
