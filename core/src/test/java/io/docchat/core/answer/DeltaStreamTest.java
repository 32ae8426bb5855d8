package io.docchat.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeltaStreamTest {

    @ParameterizedTest
    @ValueSource(strings = {"No related content found.", "Two words", "水泵的流量为每小时四十立方米。",
            "  leading and trailing  ", "混合 mixed 文本 text with 😀 emoji", "The ZX-9 pump costs 1,200 dollars and"
            + " ships in two weeks from the central warehouse in Rotterdam."})
    void deltasConcatenateToTheTextAndThereAreSeveral(String text) {
        List<String> deltas = DeltaStream.split(text);
        assertThat(String.join("", deltas)).isEqualTo(text);
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(deltas).allSatisfy(d -> assertThat(d).isNotEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "word"})
    void aSingleWordIsOneDelta(String text) {
        assertThat(DeltaStream.split(text)).containsExactly(text);
    }
}
