package io.docchat.http;

import static io.docchat.http.AuthMatrixTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * [ext] The staged upload: the file goes to {@code /api/v2/aidoc/document/upload}, and the fileUrl it answers is
 * accepted by a SubmitDocParsingTask that carries only query parameters, as the generated SDK method sends it, even
 * on a server whose fileUrl downloads are off.
 */
class StagedUploadTest {
    private static final byte[] MANUAL = "Open the bleed valve before you start the pump.".getBytes(StandardCharsets.UTF_8);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withKeys();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient.Call upload(byte[] bytes) {
        ApiClient.Call call = new ApiClient.Call(StagedUploads.PATH, "UploadDocument");
        call.query.put("fileName", "manual.txt");
        call.body = bytes;
        call.contentType = "application/octet-stream";
        return call;
    }

    private static ApiClient.Call submit(String fileUrl) {
        ApiClient.Call call = new ApiClient.Call("/api/v2/aidoc/document/submitDocParsingTask", "SubmitDocParsingTask");
        call.query.put("fileName", "manual.txt");
        call.query.put("fileUrl", fileUrl);
        return call;
    }

    @Test
    void aStagedFileIsSubmittedByItsUrlOnceAndOnlyByItsAccount() {
        String fileUrl = server.acme().send(upload(MANUAL)).data().get("fileUrl").asText();
        assertThat(fileUrl).startsWith(server.server.baseUri() + StagedUploads.PATH + "/");

        assertError(server.other().send(submit(fileUrl)), 400, "InvalidParameter.FileUrl");
        ApiClient.Response submitted = server.acme().send(submit(fileUrl));
        long id = Long.parseLong(submitted.data().get("taskId").asText());
        assertThat(server.docChat.documents().originalFile("acme", id)).isEqualTo(MANUAL);
        assertError(server.acme().send(submit(fileUrl)), 400, "InvalidParameter.FileUrl");
    }

    @Test
    void anUnknownStagedUrlAndAnEmptyUploadAreRefusedWithAReason() {
        assertError(server.acme().send(submit(server.server.baseUri() + StagedUploads.PATH + "/"
                + "0".repeat(32))), 400, "InvalidParameter.FileUrl");
        ApiClient.Response empty = server.acme().send(upload(new byte[0]));
        assertError(empty, 400, "InvalidParameter.File");
        assertThat(empty.json().get("Message").asText()).startsWith("the file is empty");
    }

    @Test
    void anEmptyFileInSubmitDocParsingTaskIsCalledEmpty() {
        ApiClient.Call call = submit("unused");
        call.query.remove("fileUrl");
        call.body = new byte[0];
        call.contentType = "application/octet-stream";
        ApiClient.Response response = server.acme().send(call);
        assertError(response, 400, "InvalidParameter.File");
        assertThat(response.json().get("Message").asText()).contains("the file is empty");
    }
}
