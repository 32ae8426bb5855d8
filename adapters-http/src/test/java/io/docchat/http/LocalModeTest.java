package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A server without authentication answers only loopback Host and Origin values, and only non-simple body types. */
class LocalModeTest {
    private static final String FOLDERS = "/api/v2/aidoc/document/chat/folder/list";
    private static final String SESSIONS = "/api/v2/aidoc/document/chat/session/list";
    private static final String UPLOAD = "/api/v2/aidoc/document/submitDocParsingTask?fileName=a.txt";
    private static TestServer local;
    private static TestServer signed;

    @BeforeAll
    static void start() {
        local = new TestServer(b -> b, c -> c, false);
        signed = new TestServer(b -> b, c -> c, true);
    }

    @AfterAll
    static void stop() {
        local.close();
        signed.close();
    }

    private static RawHttp.Answer post(TestServer server, String path, String host, String extraHeaders, String type,
                                       String body) throws Exception {
        String request = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders
                + (type == null ? "" : "Content-Type: " + type + "\r\n")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                + body;
        return RawHttp.exchange(server.server.baseUri(), request.getBytes(StandardCharsets.UTF_8), 30_000);
    }

    private static String port() {
        return Integer.toString(local.server.baseUri().getPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:%s", "localhost:%s", "LOCALHOST:%s", "[::1]:%s"})
    void loopbackHostsWithThePortAreAnswered(String host) throws Exception {
        RawHttp.Answer answer = post(local, FOLDERS, host.formatted(port()), "", null, "");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:%s", "127.0.0.1", "localhost", "127.0.0.1:1", "rebind.attacker.test"})
    void otherHostsAreRefused(String host) throws Exception {
        RawHttp.Answer answer = post(local, FOLDERS, host.formatted(port()), "", null, "");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("Code").asText()).isEqualTo("InvalidHost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "http://127.0.0.1.evil.example", "file://"})
    void foreignOriginsAreRefused(String origin) throws Exception {
        RawHttp.Answer answer = post(local, SESSIONS, "127.0.0.1:" + port(), "Origin: " + origin + "\r\n",
                "application/json", "{}");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("Code").asText()).isEqualTo("InvalidOrigin");
    }

    @Test
    void aLoopbackOriginIsAnswered() throws Exception {
        RawHttp.Answer answer = post(local, SESSIONS, "127.0.0.1:" + port(),
                "Origin: http://localhost:" + port() + "\r\n", "application/json", "{}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void bodiesABrowserCouldSendWithoutAskingAreRefused(String type) throws Exception {
        RawHttp.Answer json = post(local, SESSIONS, "127.0.0.1:" + port(), "", type, "{}");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.json().get("Code").asText()).isEqualTo("UnsupportedMediaType");
        RawHttp.Answer upload = post(local, UPLOAD, "127.0.0.1:" + port(), "", type, "some text");
        assertThat(upload.status()).isEqualTo(415);
    }

    @Test
    void anUploadWithItsOwnTypeIsAccepted() throws Exception {
        RawHttp.Answer upload = post(local, UPLOAD, "127.0.0.1:" + port(), "", "application/octet-stream",
                "Prime the pump before first use.");
        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
    }

    @Test
    void aSignedServerDoesNotApplyTheLocalChecks() throws Exception {
        RawHttp.Answer answer = post(signed, FOLDERS, "docchat.example.com:443",
                "x-acs-bearer-token: " + TestServer.ACME_TOKEN + "\r\nOrigin: https://console.example.com\r\n",
                null, "");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }
}
