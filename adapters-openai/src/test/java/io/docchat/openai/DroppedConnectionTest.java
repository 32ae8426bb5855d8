package io.docchat.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.DocChatException;
import io.docchat.core.ErrorCode;
import io.docchat.core.port.AnswerStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A backend whose TCP connection is cut in the middle of a chunked event stream. */
class DroppedConnectionTest {

    @Test
    void aConnectionCutMidStreamFailsTheAnswerAfterWhatArrived() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket socket = listener.accept()) {
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[8192];
                    StringBuilder head = new StringBuilder();
                    while (!head.toString().contains("\r\n\r\n")) {
                        int n = in.read(buffer);
                        if (n < 0) {
                            return;
                        }
                        head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    }
                    String event = "data: " + FakeOpenAiServer.contentChunk("Before the cut") + "\n\n";
                    byte[] payload = event.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(payload.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(payload);
                    out.write("\r\n40\r\ndata: {\"choices\":[{\"delta\":".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(100);
                    socket.setSoLinger(true, 0);
                } catch (Exception e) {
                    // the test only cares about what the client sees
                }
            });
            server.start();
            OpenAiAnswerModel model = new OpenAiAnswerModel(OpenAiConfig.builder()
                    .baseUrl("http://127.0.0.1:" + listener.getLocalPort() + "/v1").model("m")
                    .readTimeout(Duration.ofSeconds(5)).maxRetries(0).build());
            try (AnswerStream stream = model.answer(Prompts.pumpPrompt())) {
                assertThat(stream.nextDelta()).isEqualTo("Before the cut");
                assertThatThrownBy(stream::nextDelta)
                        .isInstanceOf(DocChatException.class)
                        .satisfies(e -> assertThat(((DocChatException) e).code()).isEqualTo(ErrorCode.MODEL_UNAVAILABLE))
                        .hasMessageContaining("connection to the model was lost");
            } finally {
                model.close();
                server.join(5_000);
            }
        }
    }
}
