package io.docchat.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CitationMarkerFilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A [1] b [2][3].|A [1] b [2][3].|A  b .|1,2,3",
        "【2】中文答案【1】。|【2】中文答案【1】。|中文答案。|2,1",
        "range [1-3] and list [2, 4]|range [1-3] and list [2, 4]|'range  and list '|1,3,2,4",
        "not a marker [see] or [12a] or [|not a marker [see] or [12a] or [|not a marker [see] or [12a] or [|''",
        "out of range [7] ok [4]|out of range [7] ok [4]|'out of range  ok '|4",
    })
    void findsMarkersWhateverTheSplit(String answer, String kept, String stripped, String cited) {
        for (int seed = 0; seed < 25; seed++) {
            Random random = new Random(seed);
            CitationMarkerFilter keep = new CitationMarkerFilter(true, 5);
            CitationMarkerFilter strip = new CitationMarkerFilter(false, 5);
            StringBuilder keptOut = new StringBuilder();
            StringBuilder strippedOut = new StringBuilder();
            int i = 0;
            while (i < answer.length()) {
                int j = Math.min(answer.length(), i + 1 + random.nextInt(4));
                keptOut.append(keep.accept(answer.substring(i, j)));
                strippedOut.append(strip.accept(answer.substring(i, j)));
                i = j;
            }
            keptOut.append(keep.flush());
            strippedOut.append(strip.flush());
            assertThat(keptOut.toString()).isEqualTo(kept);
            assertThat(strippedOut.toString()).isEqualTo(stripped);
            String citedList = String.join(",", keep.citedPassages().stream().map(String::valueOf).toList());
            assertThat(citedList).isEqualTo(cited);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "[1", "[1,", "【3"})
    void anUnfinishedMarkerAtTheEndIsShownAsText(String tail) {
        CitationMarkerFilter filter = new CitationMarkerFilter(false, 5);
        String out = filter.accept("end " + tail) + filter.flush();
        assertThat(out).isEqualTo("end " + tail);
        assertThat(filter.citedPassages()).isEmpty();
    }
}
