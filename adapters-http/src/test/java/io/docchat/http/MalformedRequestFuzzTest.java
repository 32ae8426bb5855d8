package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded malformed requests over raw sockets: whatever the server answers must be the API's JSON (an error body for
 * every 4xx/5xx; the web console's page for what still reads as {@code GET /}), and a close without an answer is
 * accepted only for requests that HTTP gives no way to answer.
 */
class MalformedRequestFuzzTest {
    static final long SEED = 14;
    private static final int REQUESTS = 500;
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(b -> b, c -> c.withMaxBodyBytes(4096).withMaxHeaderBytes(4096)
                .withHeaderTimeout(HEADER_TIMEOUT), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyMalformedRequestGetsAJsonErrorOrACleanClose() throws Exception {
        URI base = server.server.baseUri();
        MalformedRequests generator = new MalformedRequests(new Random(SEED), base.getAuthority());
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int answered = 0;
        int pastDeadline = 0;
        for (int i = 0; i < REQUESTS; i++) {
            MalformedRequests.Sample sample = generator.next();
            long started = System.nanoTime();
            RawHttp.Answer answer = RawHttp.exchange(base, sample.bytes(), 5_000);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            String problem = judge(sample, answer);
            if (problem != null && answer.closedSilently() && !answer.reset()
                    && elapsedMillis >= HEADER_TIMEOUT.toMillis()) {
                // The header deadline closes a connection whose bytes the server had not read at all by then: on a
                // machine stalled that long it is the right close. Counted, so that it cannot hide a habit.
                pastDeadline++;
                problem = null;
            }
            if (problem != null && failures.size() < 20) {
                failures.add(sample.kind() + " " + printable(sample.bytes()) + " -> " + problem + " after "
                        + elapsedMillis + " ms");
            }
            if (!answer.closedSilently()) {
                answered++;
            }
            statuses.merge(answer.status(), 1, Integer::sum);
        }
        assertThat(failures).isEmpty();
        assertThat(pastDeadline).as("requests the server did not read within the header timeout").isLessThan(5);
        // The server's own refusals, not only the API's: bad syntax, too-long headers.
        assertThat(statuses).containsKeys(400, 431);
        // Most of them must have been answered, or the judge would pass a server that drops everything.
        assertThat(answered).isGreaterThan(REQUESTS * 9 / 10);
    }

    @Test
    void theGeneratorIsDeterministicForItsSeed() {
        MalformedRequests first = new MalformedRequests(new Random(SEED), "127.0.0.1:1");
        MalformedRequests second = new MalformedRequests(new Random(SEED), "127.0.0.1:1");
        for (int i = 0; i < 50; i++) {
            assertThat(first.next().bytes()).isEqualTo(second.next().bytes());
        }
    }

    /** Null when the answer is acceptable, or what is wrong with it. */
    static String judge(MalformedRequests.Sample sample, RawHttp.Answer answer) {
        if (answer.closedSilently()) {
            return sample.mayCloseSilently() ? null : (answer.reset() ? "reset" : "closed without an answer");
        }
        String type = answer.header("Content-Type");
        if (answer.status() == 200 && answer.header("Content-Security-Policy") != null) {
            // A request that still read as GET / (or a console file): the web console's page is the right answer.
            return null;
        }
        if (type == null || !type.startsWith("application/json")) {
            return "not JSON: " + answer;
        }
        JsonNode body;
        try {
            body = answer.json();
        } catch (AssertionError e) {
            return "unparsable JSON: " + answer;
        }
        if (answer.status() >= 400) {
            for (String field : new String[] {"RequestId", "Code", "Message", "HostId"}) {
                if (!body.hasNonNull(field)) {
                    return "error body without " + field + ": " + answer;
                }
            }
        } else if (answer.status() != 200 || !body.has("requestId")) {
            return "unexpected answer: " + answer;
        }
        return null;
    }

    private static String printable(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.ISO_8859_1);
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
