package io.docchat.http;

import static io.docchat.http.AuthMatrixTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fileUrl downloads (allowed prefixes only, size cap) and the deadline for receiving a request body. */
class FetchAndTimeoutTest {
    private static final byte[] MANUAL = "The valve closes clockwise. Never force it past the stop."
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void fileUrlDownloadsOnlyFromAllowedPrefixesAndWithinTheUploadLimit() throws Exception {
        HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/public/moved/") || path.startsWith("/public/away/")) {
                // Redirects: one to another allowed file, one out of the allowed prefix.
                exchange.getResponseHeaders().set("Location", path.startsWith("/public/moved/")
                        ? "/public/valve.txt" : "/private/x.txt");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            byte[] body = path.endsWith("big.txt") ? new byte[10_000] : MANUAL;
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        files.start();
        String base = "http://127.0.0.1:" + files.getAddress().getPort();
        try (TestServer server = new TestServer(b -> b,
                c -> c.withAllowedFetchPrefixes(List.of(base + "/public/")).withMaxUploadBytes(5_000), true)) {
            String folderId = server.acme().post("/api/v1/aidoc/folder/add", "AddFolder",
                    Map.of("folderName", "fetched", "parentFolderId", "0")).data().get("folderId").asText();

            ApiClient.Response ok = server.acme().send(submit(folderId, "valve.txt", base + "/public/valve.txt"));
            long id = Long.parseLong(ok.data().get("taskId").asText());
            assertThat(server.docChat.documents().originalFile("acme", id)).isEqualTo(MANUAL);

            assertError(server.acme().send(submit(folderId, "x.txt", base + "/private/x.txt")), 400,
                    "InvalidParameter.FileUrl");
            assertError(server.acme().send(submit(folderId, "x.txt", base + "/public/../private/x.txt")), 400,
                    "InvalidParameter.FileUrl");
            assertError(server.acme().send(submit(folderId, "big.txt", base + "/public/big.txt")), 413,
                    "PayloadTooLarge");
            assertError(server.acme().send(submit(folderId, "x.txt", base + "/public/%2e%2e/private/x.txt")), 400,
                    "InvalidParameter.FileUrl");

            ApiClient.Response followed = server.acme().send(submit(folderId, "moved.txt", base + "/public/moved/v"));
            long movedId = Long.parseLong(followed.data().get("taskId").asText());
            assertThat(server.docChat.documents().originalFile("acme", movedId)).isEqualTo(MANUAL);
            ApiClient.Response escaped = server.acme().send(submit(folderId, "away.txt", base + "/public/away/v"));
            assertError(escaped, 400, "InvalidParameter.FileUrl");
            assertThat(escaped.json().get("Message").asText()).contains("allowed prefix");
        } finally {
            files.stop(0);
        }
    }

    @Test
    void aClientThatNeverFinishesItsBodyIsDisconnectedAndTheServerKeepsServing() throws Exception {
        try (TestServer server = new TestServer(b -> b, c -> c.withRequestTimeout(Duration.ofMillis(300)), false)) {
            URI base = server.server.baseUri();
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/aidoc/folder/add HTTP/1.1\r\nHost: " + base.getAuthority()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"folderName\":")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                assertThat(in.readAllBytes()).isEmpty();
            }
            ApiClient.Response next = ApiClient.anonymous(base).post("/api/v1/aidoc/folder/add", "AddFolder",
                    Map.of("folderName", "after", "parentFolderId", "0"));
            assertThat(next.status()).isEqualTo(200);
        }
    }

    private static ApiClient.Call submit(String folderId, String fileName, String fileUrl) {
        ApiClient.Call call = new ApiClient.Call("/api/v2/aidoc/document/submitDocParsingTask", "SubmitDocParsingTask");
        call.query.put("fileName", fileName);
        call.query.put("folderId", folderId);
        call.query.put("fileUrl", fileUrl);
        return call;
    }
}
