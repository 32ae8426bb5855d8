package io.docchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docchat.core.model.BlockType;
import io.docchat.core.model.Box;
import io.docchat.core.model.Page;
import io.docchat.core.model.TextBlock;
import io.docchat.core.model.TextLine;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ParsedContentJsonTest {

    private static final ParsedContentJson JSON = new ParsedContentJson(new ObjectMapper());

    /** The JSON string literal that a one-line page carries for {@code text}. */
    private static String textLiteral(String text) {
        String json = JSON.write(List.of(new Page(1, 0, 0, 0,
                List.of(new TextBlock(BlockType.PARAGRAPH, 0, List.of(new TextLine(text, null)))))));
        String before = "\"text\":";
        int start = json.indexOf(before) + before.length();
        return json.substring(start, json.indexOf(",\"lines\":", start));
    }

    @Test
    void jsonHasEveryFieldWithBoxesOrNull() {
        Page page = new Page(3, 595.2f, 842, 90, List.of(
                new TextBlock(BlockType.HEADING, 1, List.of(new TextLine("Title", new Box(10, 20.5f, 100, 12)))),
                new TextBlock(BlockType.PARAGRAPH, 0, List.of(new TextLine("a \"quoted\"\tline", null),
                        new TextLine("second\\line", null)))));
        assertThat(JSON.write(List.of(page))).isEqualTo(
                "{\"pages\":[{\"pageNumber\":3,\"width\":595.2,\"height\":842,\"rotation\":90,\"blocks\":["
                        + "{\"type\":\"HEADING\",\"level\":1,\"text\":\"Title\",\"lines\":[{\"lineNumber\":1,"
                        + "\"text\":\"Title\",\"box\":{\"x\":10,\"y\":20.5,\"width\":100,\"height\":12}}]},"
                        + "{\"type\":\"PARAGRAPH\",\"level\":0,\"text\":\"a \\\"quoted\\\"\\tline\\nsecond\\\\line\","
                        + "\"lines\":[{\"lineNumber\":2,\"text\":\"a \\\"quoted\\\"\\tline\",\"box\":null},"
                        + "{\"lineNumber\":3,\"text\":\"second\\\\line\",\"box\":null}]}]}]}");
        assertThat(JSON.write(List.of())).isEqualTo("{\"pages\":[]}");
    }

    @Test
    void jsonEscapesControlCharactersAndLoneSurrogates() {
        assertThat(textLiteral("a\u0001b\u001f\b\f\r\u2028水😀\ud800x\udc00")).isEqualTo("\"a\\u0001b\\u001f\\b\\f\\r\\u2028水😀\\ud800x\\udc00\"");
    }

    static IntStream seeds() {
        return IntStream.range(0, 20);
    }

    /** A strict reader of the JSON subset the writer produces: decoding what was written must give the input back. */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomStringsRoundTripThroughAStrictJsonReader(int seed) {
        Random random = new Random(seed);
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            input.append((char) random.nextInt(random.nextBoolean() ? 0x80 : 0x10000));
        }
        String json = textLiteral(input.toString());
        for (int i = 1; i < json.length() - 1; i++) {
            assertThat(json.charAt(i)).as("raw control character").isGreaterThanOrEqualTo(' ');
            if (Character.isHighSurrogate(json.charAt(i))) {
                assertThat(Character.isLowSurrogate(json.charAt(i + 1))).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(json.charAt(i))).as("lone low surrogate").isFalse();
            }
        }
        assertThat(decode(json)).isEqualTo(input.toString());
    }

    private static String decode(String json) {
        assertThat(json).startsWith("\"").endsWith("\"");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < json.length() - 1; i++) {
            char c = json.charAt(i);
            assertThat(c).isNotEqualTo('"');
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = json.charAt(++i);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new AssertionError("bad escape \\" + e);
            }
        }
        return sb.toString();
    }
}
