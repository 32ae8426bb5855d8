package io.docchat.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.Citation;
import io.docchat.core.model.CitedLine;
import io.docchat.core.model.CitedPage;
import io.docchat.core.model.PassageLine;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Round trips of the binary content encoding over seeded random values, including the awkward ones. */
class ContentCodecTest {
    private static final float[] AWKWARD_FLOATS = {0f, -0f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE,
            Float.NEGATIVE_INFINITY, 1e-7f, -123456.78f, 595.275f};
    private static final int[] AWKWARD_INTS = {0, 1, -1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, Integer.MIN_VALUE};

    private final ByteWriter scratch = new ByteWriter(16);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20250101})
    void blocksRoundTrip(long seed) {
        Random random = new Random(seed);
        List<TextBlock> blocks = new ArrayList<>();
        for (int b = random.nextInt(6); b > 0; b--) {
            List<TextLine> lines = new ArrayList<>();
            for (int l = random.nextInt(5); l > 0; l--) {
                lines.add(new TextLine(text(random), box(random)));
            }
            blocks.add(new TextBlock(BlockType.values()[random.nextInt(BlockType.values().length)], anInt(random),
                    lines));
        }

        assertThat(ContentCodec.decodeBlocks(ContentCodec.encodeBlocks(blocks, scratch))).isEqualTo(blocks);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20250101})
    void passageLinesAndStringsRoundTrip(long seed) {
        Random random = new Random(seed);
        List<PassageLine> lines = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        for (int i = random.nextInt(8); i > 0; i--) {
            lines.add(new PassageLine(anInt(random), anInt(random), box(random), anInt(random), anInt(random)));
            strings.add(random.nextInt(5) == 0 ? null : text(random));
        }

        assertThat(ContentCodec.decodePassageLines(ContentCodec.encodePassageLines(lines, scratch))).isEqualTo(lines);
        assertThat(ContentCodec.decodeStrings(ContentCodec.encodeStrings(strings, scratch))).isEqualTo(strings);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20250101})
    void citationsRoundTrip(long seed) {
        Random random = new Random(seed);
        List<Citation> citations = new ArrayList<>();
        for (int c = random.nextInt(4); c > 0; c--) {
            List<CitedPage> pages = new ArrayList<>();
            for (int p = random.nextInt(3); p > 0; p--) {
                List<CitedLine> lines = new ArrayList<>();
                for (int l = random.nextInt(4); l > 0; l--) {
                    lines.add(new CitedLine(anInt(random), box(random), text(random)));
                }
                pages.add(new CitedPage(anInt(random), aFloat(random), aFloat(random), anInt(random), lines));
            }
            long documentId = random.nextBoolean() ? random.nextLong() : random.nextInt(1000);
            citations.add(new Citation(documentId, text(random), anInt(random), pages, text(random)));
        }

        assertThat(ContentCodec.decodeCitations(ContentCodec.encodeCitations(citations, scratch))).isEqualTo(citations);
    }

    @Test
    void floatsKeepTheirExactBits() {
        List<PassageLine> lines = new ArrayList<>();
        for (float f : AWKWARD_FLOATS) {
            lines.add(new PassageLine(1, 1, new Box(f, -f, f, f), 0, 1));
        }
        List<PassageLine> decoded = ContentCodec.decodePassageLines(ContentCodec.encodePassageLines(lines, scratch));
        for (int i = 0; i < lines.size(); i++) {
            assertThat(Float.floatToRawIntBits(decoded.get(i).box().y()))
                    .isEqualTo(Float.floatToRawIntBits(lines.get(i).box().y()));
        }
    }

    @Test
    void truncatedOrUnknownContentFailsClearly() {
        byte[] encoded = ContentCodec.encodeStrings(List.of("hello", "world"), scratch);

        assertThatThrownBy(() -> ContentCodec.decodeStrings(Arrays.copyOf(encoded, encoded.length - 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("truncated");
        byte[] future = encoded.clone();
        future[0] = 9;
        assertThatThrownBy(() -> ContentCodec.decodeStrings(future))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format 9");
    }

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(200); i > 0; i--) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                sb.append((char) ('a' + random.nextInt(26)));
            } else if (kind == 1) {
                sb.append((char) (0x4E00 + random.nextInt(0x5000)));
            } else if (kind == 2) {
                sb.appendCodePoint(0x1F600 + random.nextInt(50));
            } else {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static Box box(Random random) {
        return random.nextInt(4) == 0 ? null
                : new Box(aFloat(random), aFloat(random), aFloat(random), aFloat(random));
    }

    private static float aFloat(Random random) {
        return random.nextBoolean() ? AWKWARD_FLOATS[random.nextInt(AWKWARD_FLOATS.length)]
                : (random.nextFloat() - 0.5f) * 2000f;
    }

    private static int anInt(Random random) {
        return random.nextBoolean() ? AWKWARD_INTS[random.nextInt(AWKWARD_INTS.length)] : random.nextInt(2000) - 100;
    }
}
