package io.docchat.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.docchat.core.model.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageReadingsTest {
    private final PassageReadings readings = new PassageReadings();

    @Test
    void sentencesAndTableLinesAreReadWithTheirTermsAndHeaders() {
        String text = "Pump ZX-9\nThe pump primes itself. It needs no foot valve.\n"
                + "| Model | Flow |\n| ZX-9 | 30 m3/h |\n| ZX-7 | 18 m3/h |";
        List<PassageReadings.Sentence> sentences = readings.of(passage(1, text, List.of("Pump ZX-9")));

        assertThat(sentences).extracting(PassageReadings.Sentence::text).containsExactly(
                "Pump ZX-9", "The pump primes itself.", "It needs no foot valve.", "| Model | Flow |",
                "| ZX-9 | 30 m3/h |", "| ZX-7 | 18 m3/h |");
        assertThat(sentences).extracting(PassageReadings.Sentence::heading)
                .containsExactly(true, false, false, false, false, false);
        assertThat(sentences).extracting(PassageReadings.Sentence::header).containsExactly(-1, -1, -1, -1, 3, 3);
        assertThat(sentences.get(1).terms()).contains("pump").doesNotContain("the");
        for (PassageReadings.Sentence s : sentences) {
            assertThat(s.span().of(text)).isEqualTo(s.text());
        }
    }

    @Test
    void aPassageIsReadOnceAndAgainOnlyWhenItsTextOrHeadingsDiffer() {
        Passage passage = passage(7, "The valve is checked every six months.", List.of());
        List<PassageReadings.Sentence> first = readings.of(passage);

        assertThat(readings.of(passage(7, "The valve is checked every six months.", List.of()))).isSameAs(first);
        // The same id with other text (another store's passage 7): read anew, not served the old reading.
        assertThat(readings.of(passage(7, "The seal is replaced yearly.", List.of())))
                .extracting(PassageReadings.Sentence::text).containsExactly("The seal is replaced yearly.");
        List<PassageReadings.Sentence> underHeading = readings.of(
                passage(7, "The valve is checked every six months.", List.of("The valve is checked every six months.")));
        assertThat(underHeading).isNotSameAs(first);
        assertThat(underHeading.get(0).heading()).isTrue();
    }

    private static Passage passage(long id, String text, List<String> headings) {
        return new Passage(id, 3, "acc", "f", 0, text, headings, List.of());
    }
}
