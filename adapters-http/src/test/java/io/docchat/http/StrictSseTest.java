package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The test parser must itself refuse what the SDKs refuse, or the stream tests could not fail. */
class StrictSseTest {

    @Test
    void acceptsWellFormedEvents() {
        var events = StrictSse.parseAll("id: r1\ndata: {\"a\":1}\n\nid: r1\ndata: {\"b\":2}\n\n");
        assertThat(events).hasSize(2);
        assertThat(events.get(1).data().get("b").intValue()).isEqualTo(2);
    }

    @Test
    void rejectsCrlfCommentsSentinelsMissingIdAndTruncation() {
        for (String bad : new String[] {
                "id: r1\r\ndata: {}\r\n\r\n",
                ": ping\n\nid: r1\ndata: {}\n\n",
                "id: r1\ndata: [DONE]\n\n",
                "data: {}\n\n",
                "id: r1\ndata:{}\n\n",
                "id: r1\ndata: {}\n",
                "id: r1\ndata: [1]\n\n",
                "id: r1\nevent: x\ndata: {}\n\n"}) {
            assertThatThrownBy(() -> StrictSse.parseAll(bad)).as(bad).isInstanceOf(AssertionError.class);
        }
    }
}
