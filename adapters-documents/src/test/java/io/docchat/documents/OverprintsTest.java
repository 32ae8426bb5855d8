package io.docchat.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverprintsTest {

    /** PDFBox's duplicate suppression as {@code PDFTextStripper.processTextPosition} does it, sorted maps and all. */
    private static final class SortedMapsRule {
        private final Map<String, TreeMap<Float, TreeSet<Float>>> shown = new HashMap<>();

        boolean repeats(String text, float x, float y, float width) {
            TreeMap<Float, TreeSet<Float>> same = shown.computeIfAbsent(text, k -> new TreeMap<>());
            float tolerance = width / text.length() / 3.0f;
            SortedMap<Float, TreeSet<Float>> xMatches = same.subMap(x - tolerance, x + tolerance);
            for (TreeSet<Float> ys : xMatches.values()) {
                if (!ys.subSet(y - tolerance, y + tolerance).isEmpty()) {
                    return true;
                }
            }
            same.computeIfAbsent(x, k -> new TreeSet<>()).add(y);
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void decidesAsPdfBoxDoesOnRandomPages(long seed) {
        Random random = new Random(seed);
        String[] alphabet = {"a", "e", "t", "fi", "中", "1"};
        Overprints overprints = new Overprints();
        SortedMapsRule reference = new SortedMapsRule();
        List<float[]> painted = new ArrayList<>();
        int repeats = 0;
        for (int i = 0; i < 4000; i++) {
            String text = alphabet[random.nextInt(alphabet.length)];
            float x;
            float y;
            float width = random.nextInt(20) == 0 ? 0 : 2 + random.nextFloat() * (random.nextInt(50) == 0 ? 400 : 10);
            if (!painted.isEmpty() && random.nextInt(4) == 0) {
                // Near an earlier glyph: inside, on and just outside the tolerance on either axis.
                float[] earlier = painted.get(random.nextInt(painted.size()));
                float step = width / text.length() / 3.0f * (random.nextFloat() * 2.4f - 1.2f);
                x = earlier[0] + (random.nextBoolean() ? step : 0);
                y = earlier[1] + (random.nextBoolean() ? step : 0);
            } else {
                x = random.nextFloat() * 600 - 20;
                y = random.nextFloat() * 800 - 20;
            }
            painted.add(new float[] {x, y});
            boolean expected = reference.repeats(text, x, y, width);
            assertThat(overprints.repeats(text, x, y, width)).as("glyph %d %s at %s,%s width %s", i, text, x, y, width)
                    .isEqualTo(expected);
            repeats += expected ? 1 : 0;
        }
        // The sequences must exercise both outcomes for the comparison to mean anything.
        assertThat(repeats).isBetween(100, 3900);
    }

    @Test
    void aPageStartsWithNothingShown() {
        Overprints overprints = new Overprints();
        assertThat(overprints.repeats("a", 10, 10, 6)).isFalse();
        assertThat(overprints.repeats("a", 10.5f, 10, 6)).isTrue();
        assertThat(overprints.repeats("b", 10.5f, 10, 6)).isFalse();

        overprints.clear();

        assertThat(overprints.repeats("a", 10.5f, 10, 6)).isFalse();
    }
}
