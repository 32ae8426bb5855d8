package io.docchat.http;

import io.docchat.core.DocChat;
import io.docchat.core.port.AnswerModel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** What the load programs in {@code bench} need from this package's test helpers. */
public final class LoadProbes {
    private LoadProbes() {}

    /** What the malformed requests got. */
    public record FuzzOutcome(int bad, Map<Integer, Integer> statuses, List<String> examples) {}

    /** Sends {@code count} seeded malformed requests and judges each answer as the fuzz test does. */
    public static FuzzOutcome fuzz(URI base, long seed, int count) throws IOException {
        MalformedRequests generator = new MalformedRequests(new Random(seed), base.getAuthority());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        int bad = 0;
        for (int i = 0; i < count; i++) {
            MalformedRequests.Sample sample = generator.next();
            RawHttp.Answer answer = RawHttp.exchange(base, sample.bytes(), 10_000);
            statuses.merge(answer.status(), 1, Integer::sum);
            String problem = MalformedRequestFuzzTest.judge(sample, answer);
            if (problem != null) {
                bad++;
                if (examples.size() < 5) {
                    examples.add(sample.kind() + ": " + problem);
                }
            }
        }
        return new FuzzOutcome(bad, statuses, examples);
    }

    /** Answers questions starting with {@code stall} with the given model, all others with three quick words. */
    public static AnswerModel byQuestion(AnswerModel stalling) {
        return new ByQuestionAnswerModel(stalling, new PacedAnswerModel(3, Duration.ZERO));
    }

    /** A folder with one parsed document and a session on it, for the account. */
    public static String session(DocChat docChat, String accountId) {
        String folderId = docChat.folders().create(accountId, null, "pumps").id();
        long id = docChat.documents().submit(accountId, folderId, "pump.txt",
                "Prime the pump before first use by filling the housing with water.".getBytes(StandardCharsets.UTF_8))
                .id();
        docChat.documents().awaitProcessed(accountId, id, Duration.ofSeconds(30));
        return docChat.sessions().create(accountId, folderId, "s", null).id();
    }

    /**
     * Sends a ChatStream request with a bearer token over a socket with a small receive buffer, from the given local
     * address, and returns it.
     */
    public static Socket openStream(URI base, String from, String token, String sessionId, String question)
            throws IOException {
        byte[] body = ApiClient.JSON.writeValueAsBytes(Map.of("sessionId", sessionId, "question", question));
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v2/aidoc/document/chat/stream HTTP/1.1\r\nHost: " + base.getAuthority()
                + "\r\nx-acs-bearer-token: " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    /** The first 12 bytes of the answer ({@code HTTP/1.1 200}), read within 30 s. */
    public static String statusLine(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
    }

    /** True when the server has not closed the socket: a read waits for the whole timeout. */
    public static boolean openWithin(Socket socket, int millis) {
        try {
            socket.setSoTimeout(millis);
            byte[] buffer = new byte[8192];
            while (true) {
                if (socket.getInputStream().read(buffer) == -1) {
                    return false;
                }
            }
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
